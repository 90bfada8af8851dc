import Testing
@testable import Shell

/// `help COMMAND`'s columns: texts wrap under themselves at the terminal's width, wide
/// characters counting two columns.
@Suite struct CommandHelpTests {
    @Test func textsWrapUnderThemselves() {
        let rows = [("--out FILE", "端末に描かずに、枠を描いた画像を書き出す"), ("--force", "replace a file that already exists")]
        #expect(CommandHelp.aligned(rows, columns: 40) == [
            "    --out FILE  端末に描かずに、枠を描い",   // 12 wide characters: the 24 columns left
            "                た画像を書き出す",
            "    --force     replace a file that",
            "                already exists",
        ])
    }

    @Test func aNarrowColumnPutsTheTextUnderTheName() {
        let rows = [("--a-very-long-flag-name VALUE", "short text here")]
        #expect(CommandHelp.aligned(rows, columns: 40) == [
            "    --a-very-long-flag-name VALUE",
            "        short text here",
        ])
    }

    @Test func aWideTerminalKeepsOneLinePerRow() {
        let rows = [("LABEL", "what to bake"), ("--minutes N", "how long")]
        #expect(CommandHelp.aligned(rows, columns: 100) == [
            "    LABEL        what to bake",
            "    --minutes N  how long",
        ])
    }
}
