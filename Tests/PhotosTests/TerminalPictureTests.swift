import CustomLabels
import Testing
@testable import Photos

@Suite struct TerminalPictureTests {
    @Test func plainListInEnglish() {
        let text = TerminalPicture.render(TestSupport.picture(width: 1280, height: 960), boxes: Breads3.boxes,
                                          columns: 80, color: false, title: "breads3.jpg", language: .en)
        #expect(text == """
            breads3.jpg  1280×960
            1  焼きそばパン   90.45%  left 23.6%  top 8.6%  width 41.2%  height 34.7%
            2  メロンパン     88.00%  left 59.8%  top 34.0%  width 31.7%  height 48.3%
            3  あんぱん       77.54%  left 19.7%  top 46.9%  width 30.0%  height 42.5%

            """)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func plainListInJapanese() {
        let text = TerminalPicture.plainList(boxes: [Breads3.boxes[1]], photoWidth: 1280, photoHeight: 960, language: .ja)
        #expect(text == "1  メロンパン   88.00%  左 59.8%  上 34.0%  幅 31.7%  高さ 48.3%\n")
    }

    @Test func plainListWithoutLabelsOrBoxes() {
        #expect(TerminalPicture.plainList(boxes: [], photoWidth: 64, photoHeight: 64, language: .en) == "(no labels)\n")
        #expect(TerminalPicture.plainList(boxes: [], photoWidth: 64, photoHeight: 64, language: .ja) == "(ラベルなし)\n")
        let whole = AnnotatedBox(box: nil, label: "あんぱん", confidence: nil, color: RGB.box(0))
        #expect(TerminalPicture.plainList(boxes: [whole], photoWidth: 64, photoHeight: 64, language: .en) == "1  あんぱん  whole photo\n")
    }

    @Test func colourPictureIsHalfBlocksWithBoxesAndALegend() throws {
        let photo = try Photo.load(path: TestSupport.lessonPhotos + "/breads3.jpg")
        let columns = 60
        let text = TerminalPicture.render(photo, boxes: Breads3.boxes, columns: columns, color: true, title: "breads3.jpg")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "breads3.jpg  1280×960")
        // 60 columns → 60×45 pixels → rounded up to 46 rows → 23 text lines.
        let picture = lines.dropFirst().prefix(23)
        #expect(picture.count == 23)
        for line in picture {
            #expect(line.filter { $0 == "▀" }.count == columns)
            #expect(line.hasSuffix("\u{1B}[0m"))
            #expect(line.hasPrefix("\u{1B}[38;2;"))
        }
        let body = picture.joined()
        let red = RGB.box(0)
        #expect(body.contains("38;2;\(red.r);\(red.g);\(red.b)m") || body.contains("48;2;\(red.r);\(red.g);\(red.b)m"))
        let legend = Array(lines.dropFirst(24))
        #expect(legend.count == 4 && legend.last == "")
        #expect(legend[0].contains("焼きそばパン") && legend[0].contains("90.45%") && legend[0].contains("██"))
        #expect(legend[0].hasPrefix("\u{1B}[38;2;\(red.r);\(red.g);\(red.b)m██\u{1B}[0m 1  "))
        #expect(legend[2].contains("あんぱん") && legend[2].contains("77.54%"))
    }

    @Test func neverWiderThanThePhoto() throws {
        let photo = TestSupport.picture(width: 64, height: 64)
        let text = TerminalPicture.render(photo, boxes: [], columns: 200, color: true)
        let first = try #require(text.split(separator: "\n").first)
        #expect(first.filter { $0 == "▀" }.count == 64)
        #expect(text.hasSuffix("(no labels)\n"))
    }
}
