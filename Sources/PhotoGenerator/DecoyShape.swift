import Photos
/// A decoy's geometry and look (an onigiri or a napkin), drawn like a bread: the outline is
/// turned by the placement's rotation and stretched to touch all four sides of its box.
struct DecoyShape {
    let kind: DecoyKind
    let cosT: Double
    let sinT: Double
    let boxX: Double
    let boxY: Double
    let boxW: Double
    let boxH: Double
    let minX: Double
    let minY: Double
    let scaleX: Double
    let scaleY: Double
    let radiusPixels: Double
    let noise: ValueNoise
    let tint: Double

    init(placement: DecoyPlacement, imageWidth: Int, imageHeight: Int) {
        kind = placement.kind
        var random = SplitMix64(seed: placement.seed &* 0x9E37_79B9_7F4A_7C15 &+ 0xDEC0)
        tint = random.uniform(-0.03, 0.03)
        noise = ValueNoise(seed: placement.seed &+ 0x0DEC_0DEC)
        let turn = StableMath.sinCos(placement.rotation)
        cosT = turn.cos
        sinT = turn.sin
        var lowX = Double.infinity, highX = -Double.infinity, lowY = Double.infinity, highY = -Double.infinity
        let steps = 240
        for j in 0...steps {
            for i in 0...steps {
                let u = -1.2 + 2.4 * Double(i) / Double(steps), v = -1.2 + 2.4 * Double(j) / Double(steps)
                if DecoyShape.outline(kind, u, v) > 0 { continue }
                let qx = turn.cos * u - turn.sin * v
                let qy = turn.sin * u + turn.cos * v
                lowX = min(lowX, qx); highX = max(highX, qx)
                lowY = min(lowY, qy); highY = max(highY, qy)
            }
        }
        boxX = placement.box.left * Double(imageWidth)
        boxY = placement.box.top * Double(imageHeight)
        boxW = placement.box.width * Double(imageWidth)
        boxH = placement.box.height * Double(imageHeight)
        minX = lowX
        minY = lowY
        scaleX = boxW / max(1e-9, highX - lowX)
        scaleY = boxH / max(1e-9, highY - lowY)
        radiusPixels = min(scaleX, scaleY)
    }

    /// Signed distance-like value of the outline in local units: negative inside.
    static func outline(_ kind: DecoyKind, _ u: Double, _ v: Double) -> Double {
        switch kind {
        case .onigiri:
            // A rounded triangle, point up: three edges at distance 0.62 from the centre, rounded by 0.3.
            let a = v * -1.0                       // up
            let b = 0.8660254037844386 * u + 0.5 * v
            let c = -0.8660254037844386 * u + 0.5 * v
            let edges = [a, b, c].map { max(0, $0 - 0.32) }
            let rounded = (edges[0] * edges[0] + edges[1] * edges[1] + edges[2] * edges[2]).squareRoot()
            return (rounded > 0 ? rounded : max(a, b, c) - 0.32) - 0.3
        case .napkin:
            let qx = abs(u) - 0.85, qy = abs(v) - 0.85
            let ox = max(qx, 0), oy = max(qy, 0)
            return (ox * ox + oy * oy).squareRoot() + min(max(qx, qy), 0) - 0.08
        }
    }

    /// The pixel rectangle that may be touched (box plus shadow room), clamped to the picture.
    func touchedRect(width: Int, height: Int) -> (x0: Int, y0: Int, x1: Int, y1: Int) {
        let pad = 0.25 * radiusPixels + 4
        let x0 = max(0, Int((boxX - pad).rounded(.down)))
        let y0 = max(0, Int((boxY - pad).rounded(.down)))
        let x1 = min(width, Int((boxX + boxW + pad).rounded(.up)) + 1)
        let y1 = min(height, Int((boxY + boxH + pad).rounded(.up)) + 1)
        return (x0, y0, x1, y1)
    }

    /// Picture point → the decoy's local (u, v).
    @inline(__always) func local(_ px: Double, _ py: Double) -> (u: Double, v: Double) {
        let qx = minX + (px - boxX) / scaleX
        let qy = minY + (py - boxY) / scaleY
        return (cosT * qx + sinT * qy, -sinT * qx + cosT * qy)
    }

    /// How much the decoy darkens the tray at a picture point.
    func shadow(_ px: Double, _ py: Double) -> Double {
        let offset = radiusPixels * 0.05
        let cast = local(px - offset * 0.6, py - offset)
        let d = DecoyShape.outline(kind, cast.u, cast.v)
        return 0.28 * (1 - StableMath.smoothstep(-0.1, 0.12, d))
    }

    /// The decoy's colour at a picture point and how much of the pixel it covers (0 = none).
    func sample(_ px: Double, _ py: Double) -> (color: Color3, coverage: Double) {
        let p = local(px, py)
        let d = DecoyShape.outline(kind, p.u, p.v)
        let coverage = StableMath.clamp01(0.5 - d * radiusPixels / 1.3)
        if coverage <= 0 { return (Color3(0, 0, 0), 0) }
        switch kind {
        case .onigiri:
            if p.v > 0.18 && abs(p.u) < 0.42 {
                let sheen = 0.9 + 0.2 * noise.sample(p.u * 12, p.v * 12)
                return (Color3(0.07, 0.10 + tint, 0.07) * sheen, coverage)
            }
            let grain = noise.sample(p.u * 40 + 9, p.v * 40)
            let shade = 0.9 + 0.1 * StableMath.smoothstep(-0.3, 0.0, -d) - 0.06 * grain
            return (Color3(0.97, 0.96 + tint, 0.92) * shade, coverage)
        case .napkin:
            let fu = StableMath.fract((p.u + 1) * 4), fv = StableMath.fract((p.v + 1) * 4)
            let stripeU = fu < 0.5 ? 1.0 : 0.0, stripeV = fv < 0.5 ? 1.0 : 0.0
            let blue = Color3(0.45, 0.62 + tint, 0.88), white = Color3(0.93, 0.95, 0.98)
            let weave = (stripeU + stripeV) / 2
            let fold = 0.94 + 0.06 * noise.sample(p.u * 3, p.v * 3)
            return (Color3.mix(white, blue, 0.25 + 0.6 * weave) * fold, coverage)
        }
    }
}
