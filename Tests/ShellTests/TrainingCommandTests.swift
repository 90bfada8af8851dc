import Foundation
import Testing
@testable import Shell

@Suite struct TrainingCommandTests {
    @Test func commandsBeforeAProjectSayToMakeOne() throws {
        let h = try SessionHarness()
        for entry in ["dataset", "dataset create train", "boxes lessons/photos/breads3.jpg", "train", "project"] {
            #expect(h.type(entry).contains("NoProject"), "\(entry)")
        }
        #expect(h.type("project create パン屋").contains("InvalidProjectName"))
        #expect(h.type("project create verification001").contains("ResourceInUseException"))
        #expect(h.type("project use nothing").contains("UnknownProject"))
    }

    @Test func trainingFailedSaysWhatToFixInTheStudentsLanguage() throws {
        let h = try SessionHarness(language: .ja)
        h.type("project create p", "dataset create train", "dataset create test")
        let out = h.type("let v = train", "v.status", "v.status_message")
        #expect(out.hasPrefix("TRAINING_FAILED\n"))
        #expect(h.type("train --version-name second").contains("トレーニングに失敗しました:"))
        // The failed versions are listed, the model in use is not changed.
        #expect(h.type("len(models())") == "1\n")
        #expect(h.type("model().name") == "verification001.2023-08-01T10.00.00\n")
    }

    @Test func evaluationOfARecordedVersion() throws {
        let h = try SessionHarness()
        #expect(h.type("evaluation --images").contains("NoTestResults"))
        let json = h.type("evaluation --json")
        #expect(json.contains("\"ProjectVersionArn\": \"arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000\""))
        #expect(json.contains("\"Threshold\": 0.817"))
        #expect(h.type("evaluation().f1") == "1\n")
    }

    @Test func everyTrainingCommandHasHelpInBothLanguages() throws {
        let h = try SessionHarness()
        for name in ["project create", "project use", "dataset", "dataset add", "dataset import", "dataset export", "dataset remove",
                     "dataset label", "dataset create", "boxes", "boxes add", "boxes remove", "train"] {
            let command = try #require(h.session.commands.command(named: name))
            #expect(!command.summary.en.isEmpty && !command.summary.ja.isEmpty && command.summary.en != command.summary.ja, "\(name)")
        }
    }
}

@Suite struct DatasetCommandTests {
    @Test func datasetsRefuseWhatCannotBeDone() throws {
        let h = try SessionHarness()
        h.type("project create p")
        #expect(h.type("dataset add train lessons/photos/train/anpan-01.jpg").contains("NoDataset"))
        h.type("dataset create train")
        #expect(h.type("dataset create train").contains("ResourceAlreadyExistsException"))
        #expect(h.type("dataset add train lessons/photos/nothing-*.jpg").contains("NoPhotos"))
        #expect(h.type("dataset add train lessons/photos/README.md").contains("error"))
        #expect(h.type("dataset remove train lessons/photos/breads3.jpg").contains("PhotoNotInDataset"))
        #expect(h.type("dataset create valid").contains("error"))
    }

    @Test func aFolderAddsItsPhotosInOrderAndTheCountsFollow() throws {
        let h = try SessionHarness()
        h.type("project create p", "dataset create test")
        // 9 photos of one bread and 6 trays of three.
        #expect(h.type("dataset add test lessons/photos/test --label あんぱん") == "Added 15 photos to the test dataset, with 27 boxes\n")
        #expect(h.type("dataset().test.boxes[\"あんぱん\"]") == "27\n")
        #expect(h.type("dataset().train == nil") == "true\n")
        h.type("dataset remove test lessons/photos/test/anpan.jpg")
        #expect(h.type("dataset().test.photos") == "14\n")
        #expect(h.type("dataset().labels") == "[\"あんぱん\"]\n")
    }
}

@Suite struct DatasetLabelRemoveTests {
    @Test func aMistypedLabelIsRemovedWithItsBoxesAndTrainingThenWorks() throws {
        let h = try SessionHarness()
        h.type("project create p", "dataset create train", "dataset create test")
        h.type("dataset add train lessons/photos/train/anpan-*.jpg --label あんぱん",
               "dataset add train lessons/photos/train/melonpan-*.jpg --label めろんぱん")
        #expect(h.type("dataset().labels") == "[\"あんぱん\", \"めろんぱん\"]\n")
        // Not read as two labels to add.
        #expect(h.type("dataset label remove めろんぱん") == "Removed the label めろんぱん (10 boxes). Labels now: あんぱん\n")
        #expect(h.type("dataset().labels") == "[\"あんぱん\"]\n")
        #expect(h.type("dataset().train.boxes == {\"あんぱん\": 10}") == "true\n", "the stray label's boxes went with it")
        #expect(h.type("len(dataset().labels)") == "1\n")
    }

    @Test func unusedLabelsGoAndNothingUnusedIsNoMistake() throws {
        let h = try SessionHarness(language: .ja)
        h.type("project create p", "dataset create train")
        h.type("dataset add train lessons/photos/train/melonpan-*.jpg --label めろんぱん",
               "dataset add train lessons/photos/train/melonpan-*.jpg --label メロンパン")
        #expect(h.type("dataset().labels") == "[\"めろんぱん\", \"メロンパン\"]\n")
        #expect(h.type("dataset label remove --unused") == "ラベル めろんぱん (枠 0 個) を消しました。いまのラベル: メロンパン\n")
        #expect(h.type("dataset label remove --unused").hasPrefix("どのラベルにも枠があるので"))
    }

    @Test func aNameThatIsNoLabelRemovesNothing() throws {
        let h = try SessionHarness()
        h.type("project create p", "dataset label あんぱん メロンパン")
        let out = h.type("dataset label remove メロンパン めろんぱん")
        #expect(out.contains("UnknownLabel") && out.contains("nothing was removed"))
        #expect(h.type("len(dataset().labels)") == "2\n")
        #expect(h.type("dataset label remove").contains("dataset label remove NAME"))
    }

    @Test func theTrainingFailureNamesTheRemedyForAStrayLabel() throws {
        let h = try SessionHarness()
        h.type("project create p", "dataset create train", "dataset create test", "dataset label めろんぱん")
        #expect(h.type("train").contains("dataset label remove めろんぱん"))
    }
}

@Suite struct BoxesCommandTests {
    @Test func boxesByProposalOrByRatios() throws {
        let h = try SessionHarness()
        h.type("project create p", "dataset create train", "dataset add train lessons/photos/breads3.jpg", "dataset label あんぱん")
        let view = h.type("let b = boxes lessons/photos/breads3.jpg", "len(b.proposals)", "len(b.boxes)")
        #expect(view == "3\n0\n")
        #expect(h.type("boxes add lessons/photos/breads3.jpg あんぱん --proposal 4").contains("NoSuchProposal"))
        #expect(h.type("boxes add lessons/photos/breads3.jpg あんぱん").contains("BoxNeedsPlace"))
        #expect(h.type("boxes add lessons/photos/breads3.jpg あんぱん --proposal 1 --left 0.1").contains("BoxNeedsPlace"))
        #expect(h.type("boxes add lessons/photos/breads3.jpg メロンパン --proposal 1").contains("UnknownLabel"))
        #expect(h.type("boxes add lessons/photos/breads3.jpg あんぱん --left 0.9 --top 0.1 --width 0.2 --height 0.2").contains("InvalidBoundingBox"))
        h.type("boxes add lessons/photos/breads3.jpg あんぱん --proposal 3")
        #expect(h.type("boxes_add(\"lessons/photos/breads3.jpg\", \"あんぱん\", left: 0.5, top: 0.5, width: 0.25, height: 0.5).boxes[1].box.width") == "0.25\n")
        #expect(h.type("boxes remove lessons/photos/breads3.jpg 3").contains("NoSuchBox"))
        #expect(h.type("len(boxes_remove(\"lessons/photos/breads3.jpg\", 1).boxes)") == "1\n")
        #expect(h.type("boxes lessons/photos/tray-four.jpg").contains("PhotoNotInDataset"))
    }

    /// A box placed by ratios that has no size or goes past an edge is refused with a message
    /// naming the flag to change, in both languages; a negative ratio is refused by the flag itself.
    @Test(arguments: [
        ("--left 0.1 --top 0.1 --width 0 --height 0.2", "--width 0 makes a box with no size", "--width が 0 では大きさのない枠"),
        ("--left 0.1 --top 0.1 --width 0.2 --height 0", "--height 0 makes a box with no size", "--height が 0 では大きさのない枠"),
        ("--left 0.9 --top 0.1 --width 0.2 --height 0.2", "--left 0.9 + --width 0.2 = 1.1 goes past the photo's right edge", "写真の右端からはみ出します"),
        ("--left 0.1 --top 0.85 --width 0.2 --height 0.3", "--top 0.85 + --height 0.3 = 1.15 goes past the photo's bottom edge", "写真の下端からはみ出します"),
        ("--left -0.1 --top 0.1 --width 0.2 --height 0.2", "--left", "--left"),
    ])
    func aBoxByRatiosOutsideThePhotoNamesTheFlag(place: String, english: String, japanese: String) throws {
        for (language, expected) in [("en", english), ("ja", japanese)] {
            let h = try SessionHarness(language: language == "ja" ? .ja : .en)
            h.type("project create p", "dataset create train", "dataset add train lessons/photos/breads3.jpg", "dataset label あんぱん")
            let out = h.type("boxes add lessons/photos/breads3.jpg あんぱん " + place)
            #expect(out.contains(expected), "\(language): \(out)")
            #expect(h.type("len(boxes(\"lessons/photos/breads3.jpg\").boxes)") == "0\n")
        }
    }

    @Test func thePictureNumbersProposalsFirst() throws {
        let h = try SessionHarness()
        h.type("project create p", "dataset create train", "dataset add train lessons/photos/train/anpan-01.jpg --label あんぱん")
        #expect(h.type("boxes lessons/photos/train/anpan-01.jpg") == """
            lessons/photos/train/anpan-01.jpg  (train)  640×480
            1  proposal 1       left 20.3%  top 29.2%  width 30.9%  height 40.0%
            2  box 1: あんぱん  left 20.3%  top 29.2%  width 30.9%  height 40.0%
            Label a proposal: boxes add lessons/photos/train/anpan-01.jpg LABEL --proposal N

            """)
    }
}
