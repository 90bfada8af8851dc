import PanyaSupport

extension Catalog {
    /// The message for a database problem at `path`.
    public static func storeError(_ kind: StoreError.Kind, path: String) -> Message {
        switch kind {
        case .unwritable:
            return Message(en: "cannot write the database \(path): check the folder's permissions, or choose another file with --db PATH (or PANYA_DB); --db :memory: keeps nothing",
                           ja: "データベース \(path) に書き込めません: フォルダの権限を確かめるか、--db PATH (または PANYA_DB) で別のファイルを指定してください。--db :memory: なら何も保存しません")
        case .corrupt:
            return Message(en: "the database \(path) is damaged or is not a panya database: move it aside (for example rename it to .bak) and panya will start a new one",
                           ja: "データベース \(path) が壊れているか、panya のデータベースではありません: 別の名前 (例: .bak) に移すと panya が新しく作ります")
        case .diskFull:
            return Message(en: "the disk holding \(path) is full: the last change was not saved, and nothing saved before was lost. Free some space and try again",
                           ja: "\(path) のあるディスクがいっぱいです: 最後の変更は保存されませんでしたが、それまでのデータは失われていません。空きを作ってからもう一度試してください")
        case .locked:
            return Message(en: "the database \(path) is busy (another panya is writing to it): try again in a moment",
                           ja: "データベース \(path) は使用中です (別の panya が書き込み中): 少し待ってからもう一度試してください")
        case .cannotCreateDirectory(let folder, let reason):
            return Message(en: "cannot create the folder \(folder) for the database: \(reason). Choose another place with --db PATH (or PANYA_DB)",
                           ja: "データベース用のフォルダ \(folder) を作れません: \(reason)。--db PATH (または PANYA_DB) で別の場所を指定してください")
        case .notADirectory(let folder):
            return Message(en: "\(folder) is a file, not a folder: the database \(path) cannot be created there",
                           ja: "\(folder) はフォルダではなくファイルです: そこにはデータベース \(path) を作れません")
        case .newerSchema(let unknown):
            return Message(en: "the database \(path) was written by a newer panya (\(unknown.joined(separator: ", "))): update panya, or use another file with --db PATH",
                           ja: "データベース \(path) は新しい panya で書かれています (\(unknown.joined(separator: ", ")))。panya を更新するか、--db PATH で別のファイルを使ってください")
        case .other(let text):
            return Message(en: "database error in \(path): \(text)", ja: "データベース \(path) のエラー: \(text)")
        }
    }
}
