import PanyaSupport

/// The BreadVision module's messages (training and stored models).
extension Catalog {
    /// Training with no photos.
    public static let visionNoTrainingPhotos = Message(
        en: "There are no training photos. Add photos to the training dataset (`dataset add train PHOTO…`) and train again.",
        ja: "学習用の写真がありません。学習データセットに写真を追加して (`dataset add train 写真…`)、もう一度学習してください。")

    /// Training photos with no boxes at all.
    public static let visionNoBoxes = Message(
        en: "No training photo has a box. Draw a box around each bread and give it a label (`boxes add PHOTO LABEL --proposal 1`), then train again.",
        ja: "どの学習用写真にもボックスがありません。パンごとにボックスを描いてラベルを付けてから (`boxes add 写真 ラベル --proposal 1`)、もう一度学習してください。")

    /// A box whose label is empty.
    public static func visionEmptyLabel(photo: String, box: Int) -> Message {
        Message(en: "\(photo): box \(box) has no label. Give it one of the project's labels, or remove the box.",
                ja: "\(photo): ボックス \(box) にラベルがありません。プロジェクトのラベルを付けるか、ボックスを消してください。")
    }

    /// A box that is empty or outside its photo.
    public static func visionBoxOutsidePhoto(photo: String, box: Int) -> Message {
        Message(en: "\(photo): box \(box) is empty or lies outside the photo (Width, Height, Left, Top are ratios from 0 to 1). Draw it again around the bread.",
                ja: "\(photo): ボックス \(box) は大きさが 0 か、写真の外にあります (Width・Height・Left・Top は 0〜1 の割合です)。パンを囲むように描き直してください。")
    }

    /// A stored model that cannot be read.
    public static func visionModelUnreadable(reason: String) -> Message {
        Message(en: "The stored model cannot be read (\(reason)). Train the model again.",
                ja: "保存されたモデルを読めません (\(reason))。もう一度学習してください。")
    }

    /// A stored model in an unknown format version.
    public static func visionModelVersionUnsupported(found: Int, supported: Int) -> Message {
        Message(en: "The stored model is in format version \(found); this panya reads version \(supported). Update panya or train the model again.",
                ja: "保存されたモデルの形式はバージョン \(found) ですが、この panya が読めるのはバージョン \(supported) です。panya を更新するか、もう一度学習してください。")
    }
}
