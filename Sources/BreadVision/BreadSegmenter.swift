import CustomLabels
import Photos

/// Finds where the breads are on a top-down tray photo: estimates the tray's colour, marks the
/// pixels unlike it, drops the table around the tray, fills holes, opens away specks, and splits
/// breads that touch with a distance-transform watershed. Deterministic, integer or exact maths.
public enum BreadSegmenter {
    /// Segments `photo` (reduced to the working scale first).
    public static func segment(_ photo: Photo) -> BreadSegmentation {
        segment(WorkingImage(photo: photo))
    }

    /// Segments an image already at the working scale.
    public static func segment(_ image: WorkingImage) -> BreadSegmentation {
        let w = image.width, h = image.height, n = w * h
        let tray = estimateTray(image)
        var mask = [Bool](repeating: false, count: n)
        for i in 0..<n where !isTrayLike(image.pixels, i, tray) { mask[i] = true }
        let table = removeTable(&mask, width: w, height: h)
        fillHoles(&mask, width: w, height: h)
        open(&mask, width: w, height: h)
        let foreground = mask
        let distance = chamferDistance(mask, width: w, height: h)
        let basins = watershed(mask, distance: distance, width: w, height: h)
        let minArea = max(6, n / 500)
        var found: [(root: Int, x0: Int, y0: Int, x1: Int, y1: Int, area: Int)] = []
        var slot = [Int: Int]()
        for i in 0..<n where basins[i] >= 0 {
            let root = Int(basins[i]), x = i % w, y = i / w
            if let k = slot[root] {
                found[k].x0 = min(found[k].x0, x); found[k].x1 = max(found[k].x1, x + 1)
                found[k].y0 = min(found[k].y0, y); found[k].y1 = max(found[k].y1, y + 1)
                found[k].area += 1
            } else {
                slot[root] = found.count
                found.append((root, x, y, x + 1, y + 1, 1))
            }
        }
        found = found.filter { $0.area >= minArea }
        let ordered = readingOrder(found.map { ($0.x0, $0.y0, $0.x1, $0.y1) })
        var labels = [Int32](repeating: 0, count: n)
        var regions: [BreadRegion] = []
        var number = [Int: Int32]()
        for (position, index) in ordered.enumerated() {
            let f = found[index]
            number[f.root] = Int32(position + 1)
            regions.append(BreadRegion(number: position + 1, box: image.box(x0: f.x0, y0: f.y0, x1: f.x1, y1: f.y1),
                                       x0: f.x0, y0: f.y0, x1: f.x1, y1: f.y1, area: f.area))
        }
        for i in 0..<n where basins[i] >= 0 {
            if let value = number[Int(basins[i])] { labels[i] = value }
        }
        return BreadSegmentation(image: image, tray: tray, regions: regions, labels: labels,
                                 foreground: foreground, trayArea: n - table)
    }

    // MARK: The tray

    /// The most common light, unsaturated colour (a 16-level histogram per channel), refined
    /// by averaging the pixels in and next to that histogram cell.
    static func estimateTray(_ image: WorkingImage) -> TrayColor {
        let n = image.width * image.height
        var histogram = [Int](repeating: 0, count: 4096)
        var any = false
        image.pixels.withUnsafeBufferPointer { p in
            for pass in 0..<2 where !any {
                for i in 0..<n {
                    let r = Int(p[i * 3]), g = Int(p[i * 3 + 1]), b = Int(p[i * 3 + 2])
                    if pass == 0 {
                        let high = max(r, g, b), low = min(r, g, b)
                        if r + g + b < 270 || high - low > 48 { continue }
                    }
                    histogram[(r >> 4) << 8 | (g >> 4) << 4 | (b >> 4)] += 1
                    any = true
                }
            }
        }
        var best = 0
        for bin in 1..<4096 where histogram[bin] > histogram[best] { best = bin }
        let br = best >> 8, bg = (best >> 4) & 15, bb = best & 15
        var sr = 0, sg = 0, sb = 0, count = 0
        image.pixels.withUnsafeBufferPointer { p in
            for i in 0..<n {
                let r = Int(p[i * 3]), g = Int(p[i * 3 + 1]), b = Int(p[i * 3 + 2])
                if abs((r >> 4) - br) <= 1 && abs((g >> 4) - bg) <= 1 && abs((b >> 4) - bb) <= 1 {
                    sr += r; sg += g; sb += b; count += 1
                }
            }
        }
        let c = Double(max(1, count))
        return TrayColor(r: Double(sr) / c, g: Double(sg) / c, b: Double(sb) / c)
    }

    /// Whether pixel `i` looks like the tray: the tray's colour at a brightness between 30 % and
    /// 135 % of it (its shadows and highlights), at most 18 levels away from that shade.
    @inline(__always) static func isTrayLike(_ pixels: [UInt8], _ i: Int, _ tray: TrayColor) -> Bool {
        let r = Double(pixels[i * 3]), g = Double(pixels[i * 3 + 1]), b = Double(pixels[i * 3 + 2])
        let tt = tray.r * tray.r + tray.g * tray.g + tray.b * tray.b
        let k = (r * tray.r + g * tray.g + b * tray.b) / max(1, tt)
        if k < 0.3 || k > 1.35 { return false }
        let dr = r - k * tray.r, dg = g - k * tray.g, db = b - k * tray.b
        return dr * dr + dg * dg + db * db <= 18 * 18
    }

    // MARK: Mask clean-up

    /// Removes the components that run along the photo's edge (the table and the tray's
    /// shadow around it); returns how many pixels they held.
    static func removeTable(_ mask: inout [Bool], width w: Int, height h: Int) -> Int {
        let n = w * h
        var component = [Int32](repeating: -1, count: n)
        var stack: [Int] = []
        var removed = 0
        let perimeter = 2 * (w + h)
        var next: Int32 = 0
        for start in 0..<n where mask[start] && component[start] < 0 {
            var members: [Int] = []
            var border = 0
            component[start] = next
            stack.append(start)
            while let i = stack.popLast() {
                members.append(i)
                let x = i % w, y = i / w
                if x == 0 || y == 0 || x == w - 1 || y == h - 1 { border += 1 }
                if x > 0, mask[i - 1], component[i - 1] < 0 { component[i - 1] = next; stack.append(i - 1) }
                if x < w - 1, mask[i + 1], component[i + 1] < 0 { component[i + 1] = next; stack.append(i + 1) }
                if y > 0, mask[i - w], component[i - w] < 0 { component[i - w] = next; stack.append(i - w) }
                if y < h - 1, mask[i + w], component[i + w] < 0 { component[i + w] = next; stack.append(i + w) }
            }
            next += 1
            if border * 12 >= perimeter {
                for i in members { mask[i] = false }
                removed += members.count
            }
        }
        return removed
    }

    /// Sets every background pixel that cannot be reached from the photo's edge (holes inside
    /// a bread: sugar, sesame, a highlight).
    static func fillHoles(_ mask: inout [Bool], width w: Int, height h: Int) {
        let n = w * h
        var outside = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        for x in 0..<w {
            for i in [x, (h - 1) * w + x] where !mask[i] && !outside[i] { outside[i] = true; stack.append(i) }
        }
        for y in 0..<h {
            for i in [y * w, y * w + w - 1] where !mask[i] && !outside[i] { outside[i] = true; stack.append(i) }
        }
        while let i = stack.popLast() {
            let x = i % w, y = i / w
            if x > 0, !mask[i - 1], !outside[i - 1] { outside[i - 1] = true; stack.append(i - 1) }
            if x < w - 1, !mask[i + 1], !outside[i + 1] { outside[i + 1] = true; stack.append(i + 1) }
            if y > 0, !mask[i - w], !outside[i - w] { outside[i - w] = true; stack.append(i - w) }
            if y < h - 1, !mask[i + w], !outside[i + w] { outside[i + w] = true; stack.append(i + w) }
        }
        for i in 0..<n where !outside[i] { mask[i] = true }
    }

    /// Morphological opening with a 3×3 square: erodes then dilates, dropping specks and
    /// one-pixel bridges.
    static func open(_ mask: inout [Bool], width w: Int, height h: Int) {
        var eroded = [Bool](repeating: false, count: w * h)
        if w < 3 || h < 3 { return }
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) {
                let i = y * w + x
                eroded[i] = mask[i - w - 1] && mask[i - w] && mask[i - w + 1] && mask[i - 1] && mask[i]
                    && mask[i + 1] && mask[i + w - 1] && mask[i + w] && mask[i + w + 1]
            }
        }
        for y in 0..<h {
            for x in 0..<w {
                var any = false
                for dy in -1...1 where !any {
                    let yy = y + dy
                    if yy < 0 || yy >= h { continue }
                    for dx in -1...1 {
                        let xx = x + dx
                        if xx >= 0 && xx < w && eroded[yy * w + xx] { any = true; break }
                    }
                }
                mask[y * w + x] = any
            }
        }
    }

    // MARK: Splitting touching breads

    /// The 3-4 chamfer distance from each mask pixel to the nearest background pixel (the
    /// photo's outside counts as background); 3 units per pixel step.
    static func chamferDistance(_ mask: [Bool], width w: Int, height h: Int) -> [Int32] {
        let big: Int32 = 1 << 28
        var d = [Int32](repeating: 0, count: w * h)
        for i in 0..<(w * h) where mask[i] { d[i] = big }
        for y in 0..<h {
            for x in 0..<w {
                let i = y * w + x
                if d[i] == 0 { continue }
                var v = d[i]
                if x == 0 || y == 0 { v = 3 } else {
                    v = min(v, d[i - 1] + 3, d[i - w] + 3, d[i - w - 1] + 4)
                }
                if y > 0 && x < w - 1 { v = min(v, d[i - w + 1] + 4) }
                d[i] = v
            }
        }
        for y in stride(from: h - 1, through: 0, by: -1) {
            for x in stride(from: w - 1, through: 0, by: -1) {
                let i = y * w + x
                if d[i] == 0 { continue }
                var v = d[i]
                if x == w - 1 || y == h - 1 { v = 3 } else {
                    v = min(v, d[i + 1] + 3, d[i + w] + 3, d[i + w + 1] + 4)
                }
                if y < h - 1 && x > 0 { v = min(v, d[i + w - 1] + 4) }
                d[i] = v
            }
        }
        return d
    }

    /// Floods the distance map from its peaks downwards (8-neighbours). Two basins that meet
    /// stay apart when the lower one's peak rises far enough above the meeting level (its
    /// dynamic is at least 30 % of its peak plus two pixels); otherwise they merge. Returns,
    /// per pixel, its basin's id (−1 for background).
    static func watershed(_ mask: [Bool], distance: [Int32], width w: Int, height h: Int) -> [Int32] {
        let n = w * h
        var maxLevel = 0
        for i in 0..<n where mask[i] { maxLevel = max(maxLevel, Int(distance[i])) }
        var counts = [Int](repeating: 0, count: maxLevel + 2)
        for i in 0..<n where mask[i] { counts[Int(distance[i])] += 1 }
        var starts = [Int](repeating: 0, count: maxLevel + 2)
        var running = 0
        for level in stride(from: maxLevel, through: 0, by: -1) { starts[level] = running; running += counts[level] }
        var order = [Int](repeating: 0, count: running)
        for i in 0..<n where mask[i] {
            let level = Int(distance[i])
            order[starts[level]] = i
            starts[level] += 1
        }
        var parent = [Int32](repeating: -1, count: n)
        var peak = [Int32](repeating: 0, count: n)
        func find(_ start: Int32) -> Int32 {
            var r = start
            while parent[Int(r)] != r { r = parent[Int(r)] }
            var c = start
            while parent[Int(c)] != r { let up = parent[Int(c)]; parent[Int(c)] = r; c = up }
            return r
        }
        var roots: [Int32] = []
        for i in order {
            let x = i % w, y = i / w, level = distance[i]
            roots.removeAll(keepingCapacity: true)
            for dy in -1...1 {
                let yy = y + dy
                if yy < 0 || yy >= h { continue }
                for dx in -1...1 where dx != 0 || dy != 0 {
                    let xx = x + dx
                    if xx < 0 || xx >= w { continue }
                    let j = yy * w + xx
                    if parent[j] < 0 { continue }
                    let r = find(Int32(j))
                    if !roots.contains(r) { roots.append(r) }
                }
            }
            if roots.isEmpty {
                parent[i] = Int32(i)
                peak[i] = level
                continue
            }
            roots.sort { peak[Int($0)] != peak[Int($1)] ? peak[Int($0)] > peak[Int($1)] : $0 < $1 }
            let main = roots[0]
            parent[i] = main
            for other in roots.dropFirst() {
                let p = peak[Int(other)]
                let dynamic = p - level
                if dynamic * 10 < p * 3 + 60 { parent[Int(other)] = main }
            }
        }
        var basin = [Int32](repeating: -1, count: n)
        for i in 0..<n where parent[i] >= 0 { basin[i] = find(Int32(i)) }
        return basin
    }

    /// Indices of `boxes` in reading order: rows from the top (a row holds the boxes whose
    /// centre lies above the bottom of the row's first box), left to right within a row.
    static func readingOrder(_ boxes: [(x0: Int, y0: Int, x1: Int, y1: Int)]) -> [Int] {
        var left = boxes.indices.sorted { boxes[$0].y0 != boxes[$1].y0 ? boxes[$0].y0 < boxes[$1].y0 : boxes[$0].x0 < boxes[$1].x0 }
        var result: [Int] = []
        while let first = left.first {
            let bottom = boxes[first].y1
            let row = left.filter { (boxes[$0].y0 + boxes[$0].y1) < 2 * bottom }
            result += row.sorted { boxes[$0].x0 != boxes[$1].x0 ? boxes[$0].x0 < boxes[$1].x0 : $0 < $1 }
            left.removeAll { row.contains($0) }
        }
        return result
    }
}
