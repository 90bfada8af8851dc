import Testing
@testable import Photos

/// `reduced(toLongerSide:)`: the fast fixed-point area average, against the exact one.
@Suite struct PhotoResizeTests {
    @Test(arguments: [(97, 61, 40), (61, 97, 40), (120, 90, 100), (64, 64, 63), (300, 20, 7)])
    func theSameAsTheExactAverageWithinOneLevel(width: Int, height: Int, longerSide: Int) throws {
        let picture = TestSupport.picture(width: width, height: height)
        var noisy = Canvas(photo: picture)
        noisy.addNoise(amount: 40, seed: 5)
        let photo = noisy.photo
        let fast = photo.reduced(toLongerSide: longerSide)
        #expect(max(fast.width, fast.height) == longerSide)
        #expect((width >= height) == (fast.width >= fast.height))
        let exact = photo.resized(width: fast.width, height: fast.height)
        let worst = zip(fast.pixels, exact.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= 1)
    }

    @Test func aPhotoNoLargerIsKept() {
        let photo = TestSupport.picture(width: 30, height: 20)
        #expect(photo.reduced(toLongerSide: 30) == photo)
        #expect(photo.reduced(toLongerSide: 100) == photo)
    }

    @Test func weightsCoverEachOutputOnce() {
        for (input, output) in [(10, 3), (1512, 1280), (7, 7), (100, 1)] {
            let weights = AreaWeights(input: input, output: output)
            for o in 0..<output {
                #expect(weights.weights[(o * weights.taps)..<((o + 1) * weights.taps)].reduce(0, +) == 65536)
            }
        }
    }
}
