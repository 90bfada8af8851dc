import PanyaSupport

/// The Photos module's messages.
extension Catalog {

    /// No file at the path the user gave.
    public static func photoFileNotFound(path: String) -> Message {
        Message(en: "\(path): no such photo. Check the path (the lesson photos are in lessons/photos/; `photos` lists them).",
                ja: "\(path): 写真が見つかりません。パスを確かめてください (授業の写真は lessons/photos/ にあります。`photos` で一覧できます)。")
    }

    /// The file exists but cannot be read.
    public static func photoUnreadable(path: String, reason: String) -> Message {
        Message(en: "\(path): cannot read this photo (\(reason)). Check that it is a file you may read.",
                ja: "\(path): 写真を読めません (\(reason))。読み取りできるファイルか確かめてください。")
    }

    /// ImageTooLargeException: more bytes than the service accepts (4 MB; 15 MB for a class's uploads).
    public static func photoTooLarge(file: String, bytes: Int, limit: Int) -> Message {
        let megabytes = NumberText.grouped(limit / (1024 * 1024))
        return Message(en: "\(file): the photo is \(NumberText.grouped(bytes)) bytes; at most \(NumberText.grouped(limit)) bytes (\(megabytes) MB) are accepted. Save it smaller (lower JPEG quality or fewer pixels) and try again.",
                       ja: "\(file): 写真が \(NumberText.grouped(bytes)) バイトあります。受け付けるのは \(NumberText.grouped(limit)) バイト (\(megabytes) MB) までです。JPEG の画質を下げるか画素数を減らして保存し直してください。")
    }

    /// InvalidImageFormatException: a 0-byte file.
    public static func photoEmpty(file: String) -> Message {
        Message(en: "\(file): the file is empty (0 bytes). Choose a JPEG or PNG photo.",
                ja: "\(file): ファイルが空です (0 バイト)。JPEG か PNG の写真を選んでください。")
    }

    /// InvalidImageFormatException: neither JPEG nor PNG, naming the real format when known
    /// (``PhotoFileKind/displayName``); for a phone camera's HEIC or AVIF, which setting gives JPEG.
    public static func photoUnsupportedFormat(file: String, detected: String?) -> Message {
        guard let detected else {
            return Message(en: "\(file): not a JPEG or PNG photo (the first bytes match neither). Send a JPEG or PNG photo.",
                           ja: "\(file): JPEG でも PNG でもありません (先頭のバイトが一致しません)。JPEG か PNG の写真を送ってください。")
        }
        let kind = PhotoFileKind(displayName: detected)
        if kind == .text {
            return Message(en: "\(file): this file holds text, not a photo (whatever its name says). Send a JPEG or PNG photo.",
                           ja: "\(file): このファイルの中身は文字で、写真ではありません (名前に関係なく)。JPEG か PNG の写真を送ってください。")
        }
        let refused = Message(en: "\(file): this is a \(detected) file; only JPEG and PNG are accepted. Send a JPEG or PNG photo",
                              ja: "\(file): これは \(detected) ファイルです。受け付けるのは JPEG と PNG だけです。JPEG か PNG の写真を送ってください")
        if kind?.isPhoneCameraFormat == true {
            return refused + Message(en: ": on an iPhone, choose Settings → Camera → Formats → Most Compatible and take the photo again (an Android phone: turn off HEIF/AVIF in the camera's settings).",
                                     ja: "。iPhone なら 設定 → カメラ → フォーマット → 互換性優先 を選んで撮り直してください (Android ならカメラの設定で HEIF/AVIF をオフにします)。")
        }
        return refused + Message(en: " (save or convert it as JPEG or PNG).", ja: " (JPEG か PNG で保存し直すか変換してください)。")
    }

    /// InvalidImageFormatException: a truncated or damaged JPEG/PNG, with the decoder's reason.
    public static func photoCorrupt(file: String, format: String, reason: String) -> Message {
        Message(en: "\(file): the \(format) data is broken or cut short (\(reason)). Copy or save the photo again.",
                ja: "\(file): \(format) のデータが壊れているか途中で切れています (\(reason))。写真をもう一度コピーするか保存し直してください。")
    }

    /// InvalidParameterException: a side below the minimum.
    public static func photoTooSmall(file: String, width: Int, height: Int, minimum: Int) -> Message {
        Message(en: "\(file): the photo is \(width)×\(height) pixels; each side must be at least \(minimum) pixels. Use a larger photo.",
                ja: "\(file): 写真は \(width)×\(height) ピクセルです。縦横とも \(minimum) ピクセル以上が必要です。もっと大きな写真を使ってください。")
    }

    /// InvalidParameterException: a side above the maximum.
    public static func photoTooBig(file: String, width: Int, height: Int, maximum: Int) -> Message {
        Message(en: "\(file): the photo is \(width)×\(height) pixels; each side must be at most \(maximum) pixels. Resize it to \(maximum)×\(maximum) or less.",
                ja: "\(file): 写真は \(width)×\(height) ピクセルです。縦横とも \(maximum) ピクセル以下にしてください。\(maximum)×\(maximum) 以内に縮小してください。")
    }

    /// A class's upload with more than 12 MP.
    public static func photoTooManyPixels(file: String, width: Int, height: Int, maximum: Int) -> Message {
        let megapixels = NumberText.grouped(width * height / 1_000_000)
        let limit = NumberText.grouped(maximum / 1_000_000)
        return Message(en: "\(file): the photo is \(width)×\(height) pixels (about \(megapixels) MP); at most \(NumberText.grouped(maximum)) pixels (\(limit) MP) are accepted. Set the camera to 12 MP (not 48 MP or \"max\") or send a smaller copy.",
                       ja: "\(file): 写真は \(width)×\(height) ピクセル (約 \(megapixels) MP) です。受け付けるのは \(NumberText.grouped(maximum)) ピクセル (\(limit) MP) までです。カメラを 12 MP (48 MP や「最大」ではなく) にするか、小さくしたコピーを送ってください。")
    }

    /// InvalidParameterException: longer side more than 20 times the shorter.
    public static func photoAspectRatio(file: String, width: Int, height: Int, maximum: Int) -> Message {
        let long = max(width, height), short = max(1, min(width, height))
        let ratio = long / short
        return Message(en: "\(file): the photo is \(width)×\(height) pixels, about \(ratio):1; the longer side may be at most \(maximum) times the shorter (\(maximum):1). Crop it closer to the tray.",
                       ja: "\(file): 写真は \(width)×\(height) ピクセルで、縦横比が約 \(ratio):1 です。長い辺は短い辺の \(maximum) 倍 (\(maximum):1) までです。トレーの周りで切り抜いてください。")
    }

    /// The JPEG/PNG encoder failed.
    public static func photoEncodingFailed(format: String, reason: String) -> Message {
        Message(en: "could not encode the picture as \(format) (\(reason)).",
                ja: "画像を \(format) に変換できませんでした (\(reason))。")
    }

    /// Writing a photo file failed.
    public static func photoWriteFailed(path: String, reason: String) -> Message {
        Message(en: "\(path): could not write the file (\(reason)). Check that the folder exists and you may write there.",
                ja: "\(path): ファイルを書き込めませんでした (\(reason))。フォルダーがあり、書き込みできるか確かめてください。")
    }

    /// Shown when a photo has no labels to draw or list.
    public static let photoNoLabels = Message(en: "(no labels)", ja: "(ラベルなし)")
    /// Stands for the box of a label that has none (an image-level label).
    public static let photoWholeImage = Message(en: "whole photo", ja: "写真全体")

    /// The path is a folder, a FIFO, a device or a socket, not a photo file.
    public static func photoNotAFile(path: String, kind: SpecialFileKind) -> Message {
        let (en, ja): (String, String)
        switch kind {
        case .folder: (en, ja) = ("a folder", "フォルダー")
        case .fifo: (en, ja) = ("a FIFO (named pipe)", "FIFO (名前付きパイプ)")
        case .characterDevice: (en, ja) = ("a character device", "キャラクターデバイス")
        case .blockDevice: (en, ja) = ("a block device", "ブロックデバイス")
        case .socket: (en, ja) = ("a socket", "ソケット")
        case .symbolicLink: (en, ja) = ("a symbolic link", "シンボリックリンク")
        case .other: (en, ja) = ("not a regular file", "通常のファイルではないもの")
        }
        return Message(en: "\(path): this is \(en), not a photo file. Give the path of a JPEG or PNG file.",
                       ja: "\(path): これは\(ja)で、写真のファイルではありません。JPEG か PNG のファイルのパスを指定してください。")
    }
}
