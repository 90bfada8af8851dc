/// A function's code once resolved: parameters' places, the body, the frame's size and its
/// captures, and the frames of its calls.
///
/// Frames are kept by depth of recursion: a call takes the next kept frame and its return gives
/// it back emptied (calls nest, so frames come back in the order they went out). A recursive
/// function keeps one frame per level it reached, up to `maxKeptFrames`; a call needs no
/// allocation, no array operation and no reference counting for its frame.
final class FunctionCode {
    let name: String
    let parameters: [String]
    /// Where each parameter goes: a slot, or a cell when a closure captures it.
    let parameterPlaces: [LocalPlace]
    let body: CompiledBlock
    let valueCount: Int
    let cellCount: Int
    let captures: [CaptureSource]
    let span: SourceSpan

    /// Frames kept for calls (owned: retained when kept, released with the code).
    private var kept: UnsafeMutablePointer<Unmanaged<Frame>>
    private var keptCapacity = 0
    private var keptCount = 0
    /// How many kept frames running calls hold now (the next call takes `kept[inUse]`).
    private var inUse = 0
    /// How many calls of this code are running now (kept frames or not).
    private(set) var runningCalls = 0
    /// Frames kept at most: deeper calls get frames of their own, freed when they return.
    static let maxKeptFrames = 256

    init(name: String, parameters: [String], parameterPlaces: [LocalPlace], body: CompiledBlock,
         valueCount: Int, cellCount: Int, captures: [CaptureSource], span: SourceSpan) {
        self.name = name; self.parameters = parameters; self.parameterPlaces = parameterPlaces; self.body = body
        self.valueCount = valueCount; self.cellCount = cellCount; self.captures = captures; self.span = span
        kept = .allocate(capacity: 1)
    }

    deinit {
        for i in 0..<keptCount { kept[i].release() }
        kept.deallocate()
    }

    /// A frame for one call of a closure of this code that captured `captured`, and whether it is
    /// a kept one; hand both to `giveBack` when the call ends.
    ///
    /// A function with boxes gets a fresh frame every call: a closure made during the call may keep them.
    @inline(__always)
    func takeFrame(captures captured: [Cell]) -> (frame: Unmanaged<Frame>, kept: Bool) {
        runningCalls += 1
        if inUse < keptCount {
            let frame = kept[inUse]
            inUse += 1
            if !captured.isEmpty { frame._withUnsafeGuaranteedRef { $0.reuse(captures: captured) } }
            return (frame, true)
        }
        return makeFrame(captures: captured)
    }

    /// A new frame: kept when it may be (no boxes, fewer than the limit), else the caller's own.
    @inline(never)
    private func makeFrame(captures captured: [Cell]) -> (frame: Unmanaged<Frame>, kept: Bool) {
        let frame = Unmanaged.passRetained(Frame(valueCount: valueCount, cellCount: cellCount, captures: captured))
        guard cellCount == 0, keptCount < FunctionCode.maxKeptFrames else { return (frame, false) }
        if keptCount == keptCapacity {
            let capacity = max(4, keptCapacity * 2)
            let grown = UnsafeMutablePointer<Unmanaged<Frame>>.allocate(capacity: capacity)
            grown.moveInitialize(from: kept, count: keptCount)
            kept.deallocate()
            kept = grown
            keptCapacity = capacity
        }
        (kept + keptCount).initialize(to: frame)
        keptCount += 1
        inUse += 1
        return (frame, true)
    }

    /// Takes back the frame of the call that just ended: a kept one emptied for the next call,
    /// any other freed.
    @inline(__always)
    func giveBack(_ frame: Unmanaged<Frame>, kept: Bool) {
        runningCalls -= 1
        guard kept else { frame.release(); return }
        inUse -= 1
        frame._withUnsafeGuaranteedRef { $0.clear() }
    }
}

