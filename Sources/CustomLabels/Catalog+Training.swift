import PanyaSupport

// Messages of training: manifests (Ground Truth JSON lines) and the rules that fail a training.
extension Catalog {
    // MARK: Manifests

    /// "line 3: ", "line 3, column 57: ", "line 3, box 2: " (box counted from 1), or nothing for the whole manifest.
    public static func manifestIssuePlace(line: Int?, column: Int?, annotation: Int?) -> Message {
        switch (line, column, annotation) {
        case (let line?, _, let annotation?):
            return Message(en: "line \(line), box \(annotation + 1): ", ja: "\(line) 行目の \(annotation + 1) 番目の箱: ")
        case (let line?, let column?, nil):
            return Message(en: "line \(line), column \(column): ", ja: "\(line) 行 \(column) 列: ")
        case (let line?, nil, nil):
            return Message(en: "line \(line): ", ja: "\(line) 行目: ")
        case (nil, _, _):
            return Message(en: "the manifest: ", ja: "マニフェスト全体: ")
        }
    }

    /// A line that is not JSON, with the parser's problem.
    public static func manifestInvalidJSON(_ problem: Message) -> Message {
        Message(en: "the line is not valid JSON (\(problem.en)); each line must be one whole JSON object",
                ja: "この行は正しい JSON ではありません (\(problem.ja))。1 行に 1 つの JSON オブジェクトをまるごと書きます")
    }

    /// A line that is JSON but not an object.
    public static func manifestLineNotObject(found: Message) -> Message {
        Message(en: "the line is \(found.en), not a JSON object; write one {\"source-ref\": …} object per line",
                ja: "この行は\(found.ja)で、JSON オブジェクトではありません。1 行に 1 つ {\"source-ref\": …} のオブジェクトを書きます")
    }

    /// ERROR_MISSING_SOURCE_REF.
    public static let manifestMissingSourceRef = Message(
        en: "the key \"source-ref\" is missing; name the photo like \"source-ref\": \"s3://bucket/anpan-01.jpg\" or a path next to the manifest",
        ja: "キー \"source-ref\" がありません。\"source-ref\": \"s3://バケット/anpan-01.jpg\" やマニフェストからの相対パスで写真を指定します")

    /// ERROR_INVALID_SOURCE_REF_FORMAT.
    public static let manifestInvalidSourceRef = Message(
        en: "\"source-ref\" must be a non-empty string, like \"s3://bucket/anpan-01.jpg\" or \"photos/anpan-01.jpg\"",
        ja: "\"source-ref\" は空でない文字列にします (\"s3://バケット/anpan-01.jpg\" や \"photos/anpan-01.jpg\" など)")

    /// ERROR_NO_LABEL_ATTRIBUTES.
    public static let manifestNoLabelAttributes = Message(
        en: "no box attribute: add \"bounding-box\" with its \"bounding-box-metadata\" (any name N works when its metadata is \"N-metadata\")",
        ja: "箱の属性がありません。\"bounding-box\" と \"bounding-box-metadata\" を書きます (名前 N は自由ですが、メタデータは \"N-metadata\" にします)")

    /// A value of the wrong shape inside a line, at its key path.
    public static func manifestShape(path: JSONPath, problem: Message) -> Message {
        Message(en: "at \(path): \(problem.en)", ja: "\(path) の位置: \(problem.ja)")
    }

    /// An empty `image_size` list.
    public static let manifestEmptyImageSize = Message(
        en: "the list is empty; write the photo's size as [{\"width\": 1280, \"height\": 960, \"depth\": 3}]",
        ja: "リストが空です。写真の大きさを [{\"width\": 1280, \"height\": 960, \"depth\": 3}] のように書きます")

    /// A metadata `type` other than object detection.
    public static func manifestNotObjectDetection(_ type: String) -> Message {
        Message(en: "the type is \"\(type)\"; panya reads object-detection boxes (\"groundtruth/object-detection\")",
                ja: "type が \"\(type)\" です。panya が読むのは物体検出の箱 (\"groundtruth/object-detection\") です")
    }

    /// A `human-annotated` other than yes or no.
    public static let manifestHumanAnnotated = Message(en: "write \"yes\" or \"no\"", ja: "\"yes\" か \"no\" を書きます")

    /// ERROR_INVALID_IMAGE_DIMENSION.
    public static func manifestImageDimension(width: Int, height: Int) -> Message {
        Message(en: "the image is \(width)×\(height) pixels; each side must be 64 to 4096 pixels (resize the photo and fix image_size)",
                ja: "画像が \(width)×\(height) ピクセルです。縦横とも 64〜4096 ピクセルにします (写真を縮小・拡大し、image_size を直します)")
    }

    /// WARNING_NO_ANNOTATIONS.
    public static let manifestNoAnnotations = Message(
        en: "the photo has no box, so it is not used; draw a box around each bread (or remove the line)",
        ja: "この写真には箱がないので使われません。パンごとに箱を付けてください (またはこの行を消します)")

    /// ERROR_TOO_MANY_BOUNDING_BOXES.
    public static func manifestTooManyBoxes(_ count: Int) -> Message {
        Message(en: "the photo has \(count) boxes; at most 50 are allowed per image (split the tray into several photos)",
                ja: "この写真には箱が \(count) 個あります。1 枚に付けられる箱は 50 個までです (トレイを何枚かに分けて撮ります)")
    }

    /// ERROR_NO_VALID_ANNOTATIONS.
    public static let manifestNoValidAnnotations = Message(
        en: "none of the photo's boxes is valid, so the line is left out; fix the boxes listed above",
        ja: "この写真の箱がどれも正しくないので、この行は使われません。上に挙げた箱を直してください")

    /// ERROR_MISSING_CLASS_MAP_ID for a box without `class_id`.
    public static let manifestNoClassID = Message(
        en: "the box has no whole-number \"class_id\"; give it the id of its label in \"class-map\"",
        ja: "箱に整数の \"class_id\" がありません。\"class-map\" にあるラベルの番号を書きます")

    /// ERROR_MISSING_CLASS_MAP_ID.
    public static func manifestMissingClassMapID(_ id: Int) -> Message {
        Message(en: "class_id \(id) is not in \"class-map\"; add \"\(id)\": \"<label>\" to the class map or fix the id",
                ja: "class_id \(id) が \"class-map\" にありません。class-map に \"\(id)\": \"ラベル\" を足すか、番号を直します")
    }

    /// ERROR_INVALID_LABEL_NAME_LENGTH.
    public static func manifestLineTooLong(bytes: Int, limit: Int) -> Message {
        Message(en: "the line has \(NumberText.grouped(bytes)) bytes or more; a manifest line has at most \(NumberText.grouped(limit)) (one image per line)",
                ja: "この行は \(NumberText.grouped(bytes)) バイト以上あります。マニフェストの 1 行は \(NumberText.grouped(limit)) バイトまでです (1 行に画像 1 枚)")
    }

    public static func manifestLabelNameLength(_ label: String) -> Message {
        let shown = label.count > 20 ? String(label.prefix(20)) + "…" : label
        return Message(en: "the label \"\(shown)\" has \(label.count) characters; a label has 1 to 256",
                       ja: "ラベル \"\(shown)\" は \(label.count) 文字です。ラベルは 1〜256 文字にします")
    }

    /// ERROR_INVALID_BOUNDING_BOX.
    public static func manifestBoxOffImage(left: Double, top: Double, width: Double, height: Double, imageWidth: Int, imageHeight: Int) -> Message {
        let box = "left \(NumberText.plain(left)), top \(NumberText.plain(top)), width \(NumberText.plain(width)), height \(NumberText.plain(height))"
        return Message(en: "the box (\(box) pixels) is not inside the \(imageWidth)×\(imageHeight) image; keep left + width ≤ \(imageWidth), top + height ≤ \(imageHeight), none negative",
                       ja: "箱 (\(box) ピクセル) が \(imageWidth)×\(imageHeight) の画像からはみ出しています。left + width ≤ \(imageWidth)、top + height ≤ \(imageHeight)、負の値なしにします")
    }

    /// ERROR_BOUNDING_BOX_TOO_SMALL.
    public static func manifestBoxTooSmall(width: Double, height: Double) -> Message {
        Message(en: "the box is \(NumberText.plain(width))×\(NumberText.plain(height)) pixels; a box must be at least 1×1 pixel (draw it around the whole bread)",
                ja: "箱が \(NumberText.plain(width))×\(NumberText.plain(height)) ピクセルです。箱は 1×1 ピクセル以上にします (パン全体を囲みます)")
    }

    /// ERROR_MANIFEST_TOO_FEW_LABELS.
    public static let manifestTooFewLabels = Message(
        en: "no valid box has a label, so there is nothing to learn; give each photo at least one labelled box",
        ja: "ラベル付きの正しい箱が 1 つもないので、学習できません。写真ごとにラベル付きの箱を 1 つ以上付けます")

    /// ERROR_TOO_MANY_INVALID_ROWS_IN_MANIFEST.
    public static func manifestTooManyInvalidRows(invalid: Int, total: Int) -> Message {
        Message(en: "\(invalid) of \(total) lines are invalid (more than 20 %); fix the lines listed above",
                ja: "\(total) 行のうち \(invalid) 行が正しくありません (20 % を超えています)。上に挙げた行を直してください")
    }
}

// MARK: Training
extension Catalog {
    /// "the training dataset" / "the test dataset".
    public static func datasetName(_ kind: DatasetKind) -> Message {
        switch kind {
        case .training: return Message(en: "the training dataset", ja: "トレーニングデータセット")
        case .test: return Message(en: "the test dataset", ja: "テストデータセット")
        }
    }

    /// A training problem as the version's status message: what is wrong, then what to do.
    public static func trainingProblem(_ problem: TrainingProblem) -> Message {
        switch problem {
        case .noLabels:
            return Message(en: "The project has no labels. Add the bread kinds with `dataset label`, then box each bread.",
                           ja: "プロジェクトにラベルがありません。`dataset label` でパンの種類を追加し、パンごとに箱を付けてください。")
        case .tooManyLabels(let count):
            return Message(en: "The project has \(count) labels; at most 250 are allowed. Remove the labels you do not need.",
                           ja: "プロジェクトのラベルが \(count) 個あります。ラベルは 250 個までです。使わないラベルを消してください。")
        case .labelWithoutBox(let label, let kind):
            let dataset = datasetName(kind)
            let photo = kind == .training ? Message(en: "a training photo", ja: "トレーニング用の写真") : Message(en: "a test photo", ja: "テスト用の写真")
            return Message(en: "The label \(label) has no box in \(dataset.en). Box at least one \(label) in \(photo.en) with `boxes add`, or, if \(label) is a mistake (a typo), remove it: `dataset label remove \(label)`.",
                           ja: "ラベル「\(label)」の箱が\(dataset.ja)に 1 つもありません。`boxes add` で\(photo.ja)の\(label)に箱を付けるか、まちがえて作ったラベルなら `dataset label remove \(label)` で消してください。")
        case .unknownLabel(let photo, let kind, let label):
            return Message(en: "A box in \(photo) (\(datasetName(kind).en)) has the label \(label), which is not one of the project's labels. Add it with `dataset label` or fix the box.",
                           ja: "\(photo) (\(datasetName(kind).ja)) の箱のラベル「\(label)」はプロジェクトのラベルではありません。`dataset label` で追加するか、箱を直してください。")
        case .tooFewTrainingImages(let count):
            return Message(en: "The training dataset has \(count) photo\(count == 1 ? "" : "s") with a box. Use at least 10 training photos, each with its breads boxed.",
                           ja: "トレーニングデータセットで箱の付いた写真は \(count) 枚です。箱を付けたトレーニング用の写真を 10 枚以上使ってください。")
        case .emptyTestSet:
            return Message(en: "The test dataset is empty. Add test photos (not the training photos) with `dataset add test` and box their breads.",
                           ja: "テストデータセットが空です。`dataset add test` でテスト用の写真 (トレーニング用とは別の写真) を追加し、パンに箱を付けてください。")
        case .testPhotoInTraining(let test, let training):
            return Message(en: "The test photo \(test) is also a training photo (\(training)). Use a different photo for testing: a model cannot be judged on a photo it learned from.",
                           ja: "テスト用の写真 \(test) はトレーニング用の写真 (\(training)) と同じです。テストには別の写真を使ってください: 学習した写真では実力を測れません。")
        case .tooManyBoxes(let photo, let kind, let count):
            return Message(en: "\(photo) (\(datasetName(kind).en)) has \(count) boxes; at most 50 are allowed per photo. Split the tray into several photos.",
                           ja: "\(photo) (\(datasetName(kind).ja)) には箱が \(count) 個あります。1 枚に付けられる箱は 50 個までです。トレイを何枚かに分けて撮ってください。")
        case .imageDimension(let photo, let kind, let width, let height):
            return Message(en: "\(photo) (\(datasetName(kind).en)) is \(width)×\(height) pixels; each side must be 64 to 4096 pixels. Resize the photo.",
                           ja: "\(photo) (\(datasetName(kind).ja)) は \(width)×\(height) ピクセルです。縦横とも 64〜4096 ピクセルにしてください。")
        case .imageTooLarge(let photo, let kind, let bytes):
            let megabytes = NumberText.short(Double(bytes) / 1_048_576)
            return Message(en: "\(photo) (\(datasetName(kind).en)) is \(megabytes) MB; a training photo may be at most 15 MB. Save it smaller (fewer pixels or more JPEG compression).",
                           ja: "\(photo) (\(datasetName(kind).ja)) は \(megabytes) MB です。学習用の写真は 15 MB までです。小さく保存し直してください (画素数を減らすか JPEG の圧縮を強く)。")
        case .unsupportedFormat(let photo, let kind, let format):
            return Message(en: "\(photo) (\(datasetName(kind).en)) is \(format), not JPEG or PNG. Save it as JPEG or PNG.",
                           ja: "\(photo) (\(datasetName(kind).ja)) は \(format) で、JPEG でも PNG でもありません。JPEG か PNG で保存し直してください。")
        case .boxOffImage(let photo, let kind, let box, let label):
            return Message(en: "Box \(box + 1) (\(label)) of \(photo) (\(datasetName(kind).en)) is not inside the photo. Redraw it with `boxes remove` and `boxes add`.",
                           ja: "\(photo) (\(datasetName(kind).ja)) の \(box + 1) 番目の箱 (\(label)) が写真からはみ出しています。`boxes remove` と `boxes add` で付け直してください。")
        }
    }
}
