import Photos
/// Draws synthetic top-down photos of breads on a white tray on a wooden table: the lesson's
/// training, test and detection photos. Deterministic: the same `TraySpec` gives the same pixels
/// on every run and machine (seeded SplitMix64, only exact IEEE arithmetic, no libm, no
/// Foundation randomness).
public enum BreadPhotoGenerator {
    /// Draws the tray described by `tray`. Each bread is drawn inside its box and touches it.
    public static func generate(tray: TraySpec) -> Photo {
        let width = max(1, tray.width), height = max(1, tray.height)
        let shapes = tray.breads.map { BreadShape(placement: $0, imageWidth: width, imageHeight: height) }
        let rects = shapes.map { $0.touchedRect(width: width, height: height) }
        let decoys = tray.decoys.map { DecoyShape(placement: $0, imageWidth: width, imageHeight: height) }
        let decoyRects = decoys.map { $0.touchedRect(width: width, height: height) }
        let scene = TrayScene(width: width, height: height, seed: tray.seed, rotation: tray.trayRotation)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let light = tray.light, warmth = tray.warmth
        let grain = ValueNoise(seed: tray.seed &+ 0x51_7CC1_B727_220A)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let py = Double(y) + 0.5
                for x in 0..<width {
                    let px = Double(x) + 0.5
                    var color = scene.background(px, py)
                    var darkness = 0.0
                    for index in decoys.indices {
                        let rect = decoyRects[index]
                        if x >= rect.x0 && x < rect.x1 && y >= rect.y0 && y < rect.y1 {
                            darkness += decoys[index].shadow(px, py)
                        }
                    }
                    for index in shapes.indices {
                        let rect = rects[index]
                        if x >= rect.x0 && x < rect.x1 && y >= rect.y0 && y < rect.y1 {
                            darkness += shapes[index].shadow(px, py)
                        }
                    }
                    if darkness > 0 { color = color * (1 - min(0.6, darkness)) }
                    for index in decoys.indices {
                        let rect = decoyRects[index]
                        if x >= rect.x0 && x < rect.x1 && y >= rect.y0 && y < rect.y1 {
                            let thing = decoys[index].sample(px, py)
                            if thing.coverage > 0 { color = Color3.mix(color, thing.color, thing.coverage) }
                        }
                    }
                    for index in shapes.indices {
                        let rect = rects[index]
                        if x >= rect.x0 && x < rect.x1 && y >= rect.y0 && y < rect.y1 {
                            let bread = shapes[index].sample(px, py)
                            if bread.coverage > 0 { color = Color3.mix(color, bread.color, bread.coverage) }
                        }
                    }
                    // Light, warmth, a gentle vignette and a little sensor grain.
                    let cx = px / Double(width) - 0.5, cy = py / Double(height) - 0.5
                    let vignette = 1 - 0.22 * (cx * cx + cy * cy)
                    color = color * (light * vignette)
                    color.r += 0.025 * warmth
                    color.b -= 0.025 * warmth
                    let speck = (grain.lattice(x, y) - 0.5) * 0.012
                    color = color + Color3(speck, speck, speck)
                    let rgb = color.rgb
                    let i = (y * width + x) * 3
                    out[i] = rgb.r
                    out[i + 1] = rgb.g
                    out[i + 2] = rgb.b
                }
            }
        }
        return Photo(checkedWidth: width, height: height, pixels: pixels, format: nil)
    }
}

/// The table and the tray, with the tray's shadow.
struct TrayScene {
    let width: Double
    let height: Double
    let noise: ValueNoise
    /// The tray's rounded rectangle.
    let centerX: Double
    let centerY: Double
    let halfW: Double
    let halfH: Double
    let corner: Double
    let rimWidth: Double
    let wood: Color3
    /// The tray's turn (cos, sin); nil when square to the photo.
    let turn: (cos: Double, sin: Double)?

    init(width: Int, height: Int, seed: UInt64, rotation: Double = 0) {
        self.width = Double(width)
        self.height = Double(height)
        noise = ValueNoise(seed: seed &* 31 &+ 7)
        var random = SplitMix64(seed: seed &+ 0xA076_1D64_78BD_642F)
        let marginX = Double(width) * random.uniform(0.035, 0.05)
        let marginY = Double(height) * random.uniform(0.03, 0.045)
        centerX = Double(width) / 2 + random.uniform(-0.006, 0.006) * Double(width)
        centerY = Double(height) / 2 + random.uniform(-0.006, 0.006) * Double(height)
        var halfW = Double(width) / 2 - marginX
        var halfH = Double(height) / 2 - marginY
        if rotation != 0 {
            let t = StableMath.sinCos(rotation)
            let c = abs(t.cos), s = abs(t.sin)
            let fit = min(1, halfW / (halfW * c + halfH * s), halfH / (halfW * s + halfH * c))
            halfW *= fit
            halfH *= fit
            turn = (cos: t.cos, sin: t.sin)
        } else {
            turn = nil
        }
        self.halfW = halfW
        self.halfH = halfH
        corner = Double(min(width, height)) * 0.06
        rimWidth = Double(min(width, height)) * 0.018
        wood = Color3(random.uniform(0.50, 0.60), random.uniform(0.34, 0.40), random.uniform(0.20, 0.25))
    }

    /// Signed distance to the tray's outline in pixels (negative inside).
    @inline(__always) func trayDistance(_ px: Double, _ py: Double) -> Double {
        var dx = px - centerX, dy = py - centerY
        if let turn {
            let rx = turn.cos * dx + turn.sin * dy
            dy = -turn.sin * dx + turn.cos * dy
            dx = rx
        }
        let qx = abs(dx) - (halfW - corner)
        let qy = abs(dy) - (halfH - corner)
        let ox = max(qx, 0), oy = max(qy, 0)
        return (ox * ox + oy * oy).squareRoot() + min(max(qx, qy), 0) - corner
    }

    func background(_ px: Double, _ py: Double) -> Color3 {
        let d = trayDistance(px, py)
        if d > 0 {
            // Table: planks with grain, under the tray's soft shadow.
            let plank = StableMath.fract(py / (height * 0.23) + 0.3 * noise.sample(px * 0.002, 3))
            let seam = StableMath.smoothstep(0.0, 0.012, plank) * StableMath.smoothstep(1.0, 0.988, plank)
            let fibre = noise.sample(px * 0.004, py * 0.09) * 0.6 + noise.sample(px * 0.02, py * 0.3) * 0.4
            var color = wood * (0.82 + 0.3 * fibre) * (0.7 + 0.3 * seam)
            let cast = trayDistance(px - 6, py - 10)
            color = color * (1 - 0.45 * (1 - StableMath.smoothstep(-4, 26, cast)))
            let coverage = StableMath.clamp01(0.5 - d)
            if coverage > 0 { color = Color3.mix(color, rim(d), coverage) }
            return color
        }
        if d > -rimWidth { return rim(d) }
        // The tray's white floor: a faint gradient from the light, a faint texture.
        let gradient = 1 - 0.05 * ((px - centerX) / width + (py - centerY) / height)
        let texture = 0.985 + 0.02 * noise.sample(px * 0.01, py * 0.01)
        let inner = StableMath.smoothstep(-rimWidth - 14, -rimWidth, d)
        let base = Color3(0.945, 0.945, 0.935) * (gradient * texture * (1 - 0.07 * inner))
        return base
    }

    /// The tray's raised rim: light grey with a bevel catching the light on its outer half.
    @inline(__always) func rim(_ d: Double) -> Color3 {
        let t = StableMath.clamp01(-d / rimWidth)
        let bevel = 1 - abs(2 * t - 1)
        return Color3(0.82, 0.83, 0.84) * (0.92 + 0.12 * bevel)
    }
}
