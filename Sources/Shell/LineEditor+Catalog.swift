import PanyaSupport

// The line editor's messages (move into Catalog+Shell.swift when that file exists).
extension Catalog {
    /// The history file could not be created or written; the session goes on without saving.
    public static func historyUnwritable(_ path: String) -> Message {
        Message(
            en: "warning: cannot write the history file \(path); history will not be saved",
            ja: "警告: 履歴ファイル \(path) に書き込めません。履歴は保存されません"
        )
    }

    /// The history file was unreadable and was moved aside.
    public static func historyUnreadable(_ path: String, movedTo aside: String) -> Message {
        Message(
            en: "warning: cannot read the history file \(path); moved it to \(aside) and started a new one",
            ja: "警告: 履歴ファイル \(path) を読めません。\(aside) に移して新しく始めます"
        )
    }
}
