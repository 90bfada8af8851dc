import Testing
@testable import Shell

@Test func commonPrefixNeverSplitsACharacter() {
    #expect(Completion(word: "", candidates: ["メロンパン", "メロン"]).commonPrefix == "メロン")
    #expect(Completion(word: "", candidates: ["あんぱん", "メロンパン"]).commonPrefix == "")
    #expect(Completion(word: "", candidates: []).commonPrefix == "")
}

@Test func actions() {
    #expect(Completion(word: "mo", candidates: ["model"]).action == .replace("model "))
    #expect(Completion(word: "le", candidates: ["lessons/"]).action == .replace("lessons/"))
    #expect(Completion(word: "mo", candidates: ["models", "model"]).action == .replace("model"))
    #expect(Completion(word: "model", candidates: ["models", "model"]).action == .list(["model", "models"]))
    #expect(Completion(word: "x", candidates: []).action == .beep)
}

@Test func listingLinesUpJapaneseNames() {
    let text = CompletionListing.render(["あんぱん", "メロンパン", "焼きそばパン", "bagel"], columns: 40)
    // Widest is 焼きそばパン (12 columns) + 2: three per row, filled down then across.
    #expect(text == "あんぱん      焼きそばパン\nメロンパン    bagel\n")
}

@Test func listingShowsTheLastPathComponent() {
    #expect(CompletionListing.displayName("lessons/photos/") == "photos/")
    #expect(CompletionListing.displayName("lessons/photos/メロンパン.png") == "メロンパン.png")
    #expect(CompletionListing.displayName("model") == "model")
}
