import PanyaSupport

extension Catalog {
    /// The simulated clock was asked to show a time outside `years`.
    public static func clockOutOfRange(_ requested: String, years: ClosedRange<Int>) -> Message {
        return Message(en: "the simulated clock runs from \(years.lowerBound)-01-01 to \(years.upperBound)-12-31; \(requested) is outside it (clock shows the time now, clock set TIME sets it)",
                       ja: "シミュレーションの時計は \(years.lowerBound)-01-01 から \(years.upperBound)-12-31 までです。\(requested) はその範囲の外です (clock で今の時刻、clock set 時刻 で設定)")
    }

    /// Said once while opening waits for another process's lock file.
    public static func storeWaitingForLock(_ lockFile: String, seconds: Int) -> Message {
        Message(en: "waiting for another panya to finish opening the database (\(lockFile)); giving up after \(seconds) seconds…",
                ja: "別の panya がデータベースを開き終わるのを待っています (\(lockFile))。\(seconds) 秒で諦めます…")
    }

    /// The message for a database problem at `path`.
    public static func storeError(_ kind: StoreError.Kind, path: String) -> Message {
        switch kind {
        case .unwritable:
            return Message(en: "cannot write the database \(path): check the folder's permissions, or choose another file with --db PATH (or PANYA_DB); --db :memory: keeps nothing",
                           ja: "データベース \(path) に書き込めません: フォルダの権限を確かめるか、--db PATH (または PANYA_DB) で別のファイルを指定してください。--db :memory: なら何も保存しません")
        case .corrupt:
            return Message(en: "the database \(path) is damaged or is not a panya database: move it aside (mv \(path) \(path).bak) and panya will start a new one",
                           ja: "データベース \(path) が壊れているか、panya のデータベースではありません: 別の名前に移すと (mv \(path) \(path).bak) panya が新しく作ります")
        case .damagedRow(let table, let row, let column, let problem):
            return Message(en: "damaged database \(path): table \(table), row \(row), column \(column): \(problem). Put the value back as panya wrote it, or move the file aside (mv \(path) \(path).bak) and panya will start a new one",
                           ja: "データベース \(path) が壊れています: テーブル \(table)、行 \(row)、列 \(column): \(problem)。panya が書いた値に戻すか、別の名前に移すと (mv \(path) \(path).bak) panya が新しく作ります")
        case .diskFull:
            return Message(en: "the disk holding \(path) is full: the last change was not saved, and nothing saved before was lost. Free some space and try again",
                           ja: "\(path) のあるディスクがいっぱいです: 最後の変更は保存されませんでしたが、それまでのデータは失われていません。空きを作ってからもう一度試してください")
        case .locked:
            return Message(en: "the database \(path) is busy (another panya is writing to it): try again in a moment",
                           ja: "データベース \(path) は使用中です (別の panya が書き込み中): 少し待ってからもう一度試してください")
        case .lockHeld(let lockFile, let seconds):
            return Message(en: "another program has held \(lockFile) for \(seconds) seconds while opening the database \(path): close the other panya, or if none is running, delete \(lockFile) and try again",
                           ja: "別のプログラムがデータベース \(path) を開くために \(lockFile) を \(seconds) 秒間使っています: 他の panya を閉じてください。動いていなければ \(lockFile) を削除してもう一度試してください")
        case .cannotCreateDirectory(let folder, let reason):
            return Message(en: "cannot create the folder \(folder) for the database: \(reason). Choose another place with --db PATH (or PANYA_DB)",
                           ja: "データベース用のフォルダ \(folder) を作れません: \(reason)。--db PATH (または PANYA_DB) で別の場所を指定してください")
        case .notAFile(let file):
            if file.isEmpty {
                return Message(en: "the database path is empty: give a file with --db PATH (or PANYA_DB), or --db :memory: to keep nothing",
                               ja: "データベースのパスが空です: --db PATH (または PANYA_DB) でファイルを指定するか、何も保存しないなら --db :memory: にしてください")
            }
            return Message(en: "the database \(file) is not a regular file (a folder, a device or a pipe): give a file with --db PATH (or PANYA_DB), or --db :memory: to keep nothing",
                           ja: "データベース \(file) は普通のファイルではありません (フォルダ・デバイス・パイプ): --db PATH (または PANYA_DB) でファイルを指定するか、何も保存しないなら --db :memory: にしてください")
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
