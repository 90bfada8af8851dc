import Photos
import CustomLabels

/// One bread's geometry on the picture and its look: maps picture pixels to the bread's own
/// coordinates (u along its length, v across, both −1…1 at the outline) and shades them.
/// The outline is turned by the placement's rotation, then stretched to touch all four sides
/// of the box, so the box in the manifest is exactly the bread's extent.
struct BreadShape {
    let kind: BreadKind
    /// Half-lengths of the bread in its own units (long axis, short axis).
    let ax: Double
    let ay: Double
    let cosT: Double
    let sinT: Double
    /// The box in pixels.
    let boxX: Double
    let boxY: Double
    let boxW: Double
    let boxH: Double
    /// The turned outline's extent, and the stretch that fits it to the box.
    let minX: Double
    let minY: Double
    let scaleX: Double
    let scaleY: Double
    /// Pixels per unit of the short radius (for anti-aliasing and shadows).
    let radiusPixels: Double
    let noise: ValueNoise
    /// Details.
    let navel: (u: Double, v: Double, r: Double)
    let seeds: [Speck]
    let redGinger: [Speck]
    let greenFlakes: [Speck]
    let gridPhase: (a: Double, b: Double, cells: Double, turn: Double)
    let toast: Double

    /// A small rotated ellipse in the bread's local (isotropic) coordinates.
    struct Speck {
        let x: Double
        let y: Double
        let halfLength: Double
        let halfWidth: Double
        let cosA: Double
        let sinA: Double

        /// −1…1 across the speck when inside (0 at the centre), nil outside.
        @inline(__always) func hit(_ px: Double, _ py: Double) -> Double? {
            let dx = px - x, dy = py - y
            let a = (dx * cosA + dy * sinA) / halfLength
            let b = (-dx * sinA + dy * cosA) / halfWidth
            let q = a * a + b * b
            return q <= 1 ? q : nil
        }
    }

    init(placement: BreadPlacement, imageWidth: Int, imageHeight: Int) {
        kind = placement.kind
        var random = SplitMix64(seed: placement.seed &* 0x2545_F491_4F6C_DD1D &+ 0x1234_5678)
        switch kind {
        case .anpan: ax = 1; ay = random.uniform(0.93, 1.0)
        case .melonpan: ax = 1; ay = random.uniform(0.92, 1.0)
        case .yakisobapan: ax = 1; ay = random.uniform(0.40, 0.48)
        }
        let turn = StableMath.sinCos(placement.rotation)
        cosT = turn.cos
        sinT = turn.sin
        // The turned outline's extent, sampled finely.
        var lowX = Double.infinity, highX = -Double.infinity, lowY = Double.infinity, highY = -Double.infinity
        let steps = 1440
        for step in 0..<steps {
            let angle = 2 * StableMath.pi * Double(step) / Double(steps)
            let (s, c) = StableMath.sinCos(angle)
            var u = c, v = s
            if kind == .yakisobapan {   // superellipse |u|⁴ + |v|⁴ = 1
                u = (c < 0 ? -1 : 1) * abs(c).squareRoot()
                v = (s < 0 ? -1 : 1) * abs(s).squareRoot()
            }
            let lx = u * ax, ly = v * ay
            let qx = turn.cos * lx - turn.sin * ly
            let qy = turn.sin * lx + turn.cos * ly
            lowX = min(lowX, qx); highX = max(highX, qx)
            lowY = min(lowY, qy); highY = max(highY, qy)
        }
        boxX = placement.box.left * Double(imageWidth)
        boxY = placement.box.top * Double(imageHeight)
        boxW = placement.box.width * Double(imageWidth)
        boxH = placement.box.height * Double(imageHeight)
        minX = lowX
        minY = lowY
        scaleX = boxW / (highX - lowX)
        scaleY = boxH / (highY - lowY)
        radiusPixels = ay * min(scaleX, scaleY)
        noise = ValueNoise(seed: placement.seed &+ 0xB5AD_4ECE_DA1C_E2A9)

        let usualNavel = (u: random.uniform(-0.1, 0.1), v: random.uniform(-0.1, 0.1), r: random.uniform(0.10, 0.14))
        if let offset = placement.navelOffset {
            var side = SplitMix64(seed: placement.seed ^ 0x6E61_7665_6C00_0000)
            let (s, c) = StableMath.sinCos(side.uniform(0, 2 * StableMath.pi))
            navel = (c * offset, s * offset, usualNavel.r)
        } else {
            navel = usualNavel
        }
        var seeds: [Speck] = []
        if kind == .anpan && random.unit() < 0.75 {
            let count = random.integer(6...14)
            for _ in 0..<count {
                let angle = random.uniform(0, 2 * StableMath.pi)
                let distance = random.uniform(navel.r * 0.6, navel.r + 0.2)
                let (s, c) = StableMath.sinCos(angle)
                let tilt = StableMath.sinCos(random.uniform(0, StableMath.pi))
                seeds.append(Speck(x: navel.u * ax + c * distance, y: navel.v * ay + s * distance,
                                   halfLength: random.uniform(0.035, 0.045), halfWidth: random.uniform(0.017, 0.022),
                                   cosA: tilt.cos, sinA: tilt.sin))
            }
        }
        self.seeds = seeds
        var ginger: [Speck] = []
        var flakes: [Speck] = []
        if kind == .yakisobapan {
            for _ in 0..<random.integer(9...15) {
                let tilt = StableMath.sinCos(random.uniform(0, StableMath.pi))
                ginger.append(Speck(x: random.uniform(-0.72, 0.72), y: random.uniform(-0.16, 0.16) * ay / 0.45,
                                    halfLength: random.uniform(0.035, 0.06), halfWidth: random.uniform(0.010, 0.016),
                                    cosA: tilt.cos, sinA: tilt.sin))
            }
            for _ in 0..<random.integer(50...90) {
                let tilt = StableMath.sinCos(random.uniform(0, StableMath.pi))
                flakes.append(Speck(x: random.uniform(-0.78, 0.78), y: random.uniform(-0.2, 0.2) * ay / 0.45,
                                    halfLength: random.uniform(0.008, 0.016), halfWidth: random.uniform(0.006, 0.011),
                                    cosA: tilt.cos, sinA: tilt.sin))
            }
        }
        redGinger = ginger
        greenFlakes = flakes
        gridPhase = (random.unit(), random.unit(), random.uniform(3.0, 3.6), random.uniform(-0.2, 0.2))
        toast = random.uniform(-0.08, 0.08)
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

    /// Picture point → the bread's isotropic local point (lx, ly) and its normalised (u, v).
    @inline(__always) func local(_ px: Double, _ py: Double) -> (lx: Double, ly: Double, u: Double, v: Double) {
        let qx = minX + (px - boxX) / scaleX
        let qy = minY + (py - boxY) / scaleY
        let lx = cosT * qx + sinT * qy
        let ly = -sinT * qx + cosT * qy
        return (lx, ly, lx / ax, ly / ay)
    }

    /// The outline "radius" of (u, v): 1 on the outline, < 1 inside.
    @inline(__always) func radius(_ u: Double, _ v: Double) -> Double {
        if kind == .yakisobapan {
            let u2 = u * u, v2 = v * v
            return (u2 * u2 + v2 * v2).squareRoot().squareRoot()
        }
        return (u * u + v * v).squareRoot()
    }

    /// The wobbly edge: the outline pulled in by up to 3 %, never pushed out of the box.
    @inline(__always) func edge(_ u: Double, _ v: Double) -> Double {
        1 - 0.03 * noise.sample(u * 1.7 + 11, v * 1.7 + 3)
    }

    /// How much the bread darkens the tray at a picture point (0 none … about 0.5).
    func shadow(_ px: Double, _ py: Double) -> Double {
        let offset = radiusPixels * 0.07
        let cast = local(px - offset * 0.6, py - offset)
        let castRadius = radius(cast.u, cast.v)
        let soft = 1 - StableMath.smoothstep(0.86, 1.12, castRadius)
        let here = local(px, py)
        let contact = 1 - StableMath.smoothstep(0.98, 1.05, radius(here.u, here.v))
        return 0.32 * soft + 0.25 * contact
    }

    /// The bread's colour at a picture point and how much of the pixel it covers (0 = none).
    func sample(_ px: Double, _ py: Double) -> (color: Color3, coverage: Double) {
        let p = local(px, py)
        let rho = radius(p.u, p.v)
        let rim = edge(p.u, p.v)
        let distancePixels = (rho - rim) * radiusPixels * (kind == .yakisobapan ? 1 : 1 / ay)
        let coverage = StableMath.clamp01(0.5 - distancePixels / 1.3)
        if coverage <= 0 { return (Color3(0, 0, 0), 0) }
        let r = min(rho / rim, 1)
        let color: Color3
        switch kind {
        case .anpan: color = anpan(p, r)
        case .melonpan: color = melonpan(p, r)
        case .yakisobapan: color = yakisobapan(p, r)
        }
        return (color, coverage)
    }

    /// Lambert + Blinn-Phong for a dome normal (nx, ny in picture axes, nz up).
    @inline(__always) func light(_ nx: Double, _ ny: Double, _ nz: Double, shininess: Int) -> (diffuse: Double, specular: Double) {
        let length = (nx * nx + ny * ny + nz * nz).squareRoot()
        let x = nx / length, y = ny / length, z = nz / length
        // Light from the top left, above.
        let lx = -0.42, ly = -0.52, lz = 0.744
        let diffuse = max(0, x * lx + y * ly + z * lz)
        let hx = lx, hy = ly, hz = lz + 1
        let hl = (hx * hx + hy * hy + hz * hz).squareRoot()
        let ndoth = max(0, (x * hx + y * hy + z * hz) / hl)
        return (diffuse, StableMath.power(ndoth, shininess))
    }

    /// The dome's normal in picture axes at local (u, v) and radius r.
    @inline(__always) func domeNormal(_ u: Double, _ v: Double, _ r: Double, flatness: Double) -> (Double, Double, Double) {
        let h = max(0, 1 - r * r).squareRoot() + flatness
        return (cosT * u - sinT * v, sinT * u + cosT * v, h)
    }

    func anpan(_ p: (lx: Double, ly: Double, u: Double, v: Double), _ r: Double) -> Color3 {
        let mottle = 0.9 + 0.2 * noise.fractal(p.u * 5 + 40, p.v * 5)
        let top = Color3(0.50 + toast, 0.26 + toast * 0.6, 0.085) * mottle
        let side = Color3(0.80, 0.55, 0.28)
        var base = Color3.mix(top, side, StableMath.smoothstep(0.80, 0.99, r))
        var (nx, ny, nz) = domeNormal(p.u, p.v, r, flatness: 0.35)
        // The navel: a small dimple, darker, its far wall lit.
        let du = p.u - navel.u, dv = p.v - navel.v
        let dn = (du * du + dv * dv).squareRoot() / navel.r
        if dn < 1.35 {
            let depth = 1 - StableMath.smoothstep(0.0, 1.0, dn)
            base = Color3.mix(base, Color3(0.24, 0.10, 0.03), min(1, depth * 1.1))
            if dn < 1 {   // the inside of the dimple faces the other way
                nx -= (cosT * du - sinT * dv) * 6
                ny -= (sinT * du + cosT * dv) * 6
            } else {
                let ring = 1 - abs(dn - 1.12) / 0.23
                base = base * (1 + 0.3 * max(0, ring))
            }
        }
        let lit = light(nx, ny, nz, shininess: 28)
        var color = base * (0.45 + 0.75 * lit.diffuse) + Color3(1, 0.93, 0.82) * (0.55 * lit.specular)
        for seed in seeds {
            if let q = seed.hit(p.lx, p.ly) {
                let shade = 1.02 - 0.25 * q
                color = Color3(0.97 * shade, 0.92 * shade, 0.76 * shade)
                break
            }
        }
        return color
    }

    func melonpan(_ p: (lx: Double, ly: Double, u: Double, v: Double), _ r: Double) -> Color3 {
        let turn = StableMath.sinCos(0.785398163397448 + gridPhase.turn)
        let k = gridPhase.cells
        let a = (p.u * turn.cos + p.v * turn.sin) * k + gridPhase.a
        let b = (-p.u * turn.sin + p.v * turn.cos) * k + gridPhase.b
        let fa = StableMath.fract(a), fb = StableMath.fract(b)
        let da = min(fa, 1 - fa), db = min(fb, 1 - fb)
        let groove = 1 - StableMath.smoothstep(0.025, 0.075, min(da, db))
        let crust = Color3(0.97 + toast * 0.3, 0.86 + toast * 0.5, 0.52 + toast)
        let grooveColor = Color3(0.86, 0.64, 0.30)
        let rimColor = Color3(0.84, 0.58, 0.26)
        var base = Color3.mix(crust, grooveColor, groove * 0.85)
        base = Color3.mix(base, rimColor, StableMath.smoothstep(0.84, 0.99, r) * 0.8)
        // Each cell is a little cushion lit from the top left.
        let cellX = (fa - 0.5), cellY = (fb - 0.5)
        let dome = domeNormal(p.u, p.v, r, flatness: 0.5)
        let nx = dome.0 + (cosT * cellX - sinT * cellY) * 0.5
        let ny = dome.1 + (sinT * cellX + cosT * cellY) * 0.5
        let lit = light(nx, ny, dome.2, shininess: 10)
        var color = base * (0.55 + 0.6 * lit.diffuse) + Color3(1, 1, 0.95) * (0.12 * lit.specular)
        // Sugar crystals.
        let sugar = noise.sample(p.lx * 70 + 300, p.ly * 70)
        if sugar > 0.86 && groove < 0.5 { color = Color3.mix(color, Color3(1, 1, 0.97), (sugar - 0.86) * 5) }
        return color
    }

    func yakisobapan(_ p: (lx: Double, ly: Double, u: Double, v: Double), _ r: Double) -> Color3 {
        // The split along the bun, wide in the middle, closing towards the ends.
        let u2 = p.u / 0.88
        let closing = max(0, 1 - u2 * u2 * u2 * u2)
        let band = 0.52 * closing.squareRoot() * (0.94 + 0.12 * noise.sample(p.u * 4, 7))
        let across = abs(p.v)
        let h = max(0, 1 - p.v * p.v).squareRoot()
        if across < band {
            // Noodles: two tangled layers of strands.
            let warp = noise.fractal(p.lx * 5 + 20, p.ly * 5)
            let s1 = StableMath.fract((p.lx * 0.55 + p.ly * 1.0 + warp * 1.1) * 10)
            let warp2 = noise.fractal(p.lx * 6 - 9, p.ly * 6 + 31)
            let s2 = StableMath.fract((p.lx * 1.0 - p.ly * 0.6 + warp2 * 1.2) * 9)
            let strand1 = StableMath.smoothstep(0.1, 0.75, 1 - abs(2 * s1 - 1))
            let strand2 = StableMath.smoothstep(0.1, 0.75, 1 - abs(2 * s2 - 1))
            let pick = noise.sample(p.lx * 9 + 5, p.ly * 9 - 2)
            let weight = StableMath.smoothstep(0.3, 0.7, pick)
            let strand = max(strand1 * weight, strand2 * (1 - weight))
            let dark = Color3(0.33, 0.16, 0.06), bright = Color3(0.70, 0.42, 0.17)
            let mound = 1 - (across / max(band, 0.001))
            var color = Color3.mix(dark, bright, strand * (0.55 + 0.45 * mound))
            let glint = StableMath.power(strand, 8) * 0.25 * mound
            color = color + Color3(glint, glint * 0.9, glint * 0.7)
            // Shadow of the bun lips on the filling's edges.
            color = color * (0.6 + 0.4 * StableMath.smoothstep(0.0, 0.35, mound))
            for flake in greenFlakes where flake.hit(p.lx, p.ly) != nil {
                return Color3(0.22, 0.48, 0.13) * (0.85 + 0.3 * mound)
            }
            for stick in redGinger {
                if let q = stick.hit(p.lx, p.ly) {
                    return Color3(0.92 - 0.2 * q, 0.16, 0.24 - 0.05 * q)
                }
            }
            return color
        }
        // The bun: crumb showing at the cut, golden crust, darker crown, paler sides.
        let lip = StableMath.smoothstep(band, band + 0.09, across)
        let crumb = Color3(0.94, 0.84, 0.62)
        let crown = Color3(0.74 + toast, 0.45 + toast * 0.6, 0.16)
        let side = Color3(0.88, 0.64, 0.32)
        var base = Color3.mix(crown, side, StableMath.smoothstep(0.55, 0.98, max(across, r)))
        base = Color3.mix(crumb, base, lip)
        let mottle = 0.92 + 0.16 * noise.fractal(p.lx * 6 + 50, p.ly * 6)
        base = base * mottle
        let nx = cosT * (p.u * 0.35) - sinT * p.v
        let ny = sinT * (p.u * 0.35) + cosT * p.v
        let lit = light(nx, ny, h + 0.25, shininess: 16)
        return base * (0.5 + 0.65 * lit.diffuse) + Color3(1, 0.94, 0.85) * (0.22 * lit.specular)
    }
}
