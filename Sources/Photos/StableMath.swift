/// Maths that gives bit-identical results everywhere: only +, −, ×, ÷ and square root (all exact
/// IEEE operations), no libm. The generator's photos must hash the same on every machine, and
/// libm's sin/cos may differ in the last bit between C libraries.
package enum StableMath {
    package static let pi = 3.141592653589793

    /// Sine and cosine by quadrant reduction and Taylor polynomials (error < 1e-15 for |x| < 100).
    package static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
        let halfPi = 1.5707963267948966
        let k = (x / halfPi).rounded()
        let r = x - k * halfPi
        let r2 = r * r
        let s = r * (1 - r2 / 6 * (1 - r2 / 20 * (1 - r2 / 42 * (1 - r2 / 72 * (1 - r2 / 110 * (1 - r2 / 156))))))
        let c = 1 - r2 / 2 * (1 - r2 / 12 * (1 - r2 / 30 * (1 - r2 / 56 * (1 - r2 / 90 * (1 - r2 / 132)))))
        let quadrant = ((Int(k) % 4) + 4) % 4
        switch quadrant {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }

    /// `value` clamped to 0…1.
    @inline(__always) package static func clamp01(_ value: Double) -> Double { value < 0 ? 0 : (value > 1 ? 1 : value) }

    /// Hermite smoothstep between `edge0` and `edge1`.
    @inline(__always) package static func smoothstep(_ edge0: Double, _ edge1: Double, _ x: Double) -> Double {
        let t = clamp01((x - edge0) / (edge1 - edge0))
        return t * t * (3 - 2 * t)
    }

    /// Linear interpolation.
    @inline(__always) package static func mix(_ a: Double, _ b: Double, _ t: Double) -> Double { a + (b - a) * t }

    /// The fractional part (x − floor x).
    @inline(__always) package static func fract(_ x: Double) -> Double { x - x.rounded(.down) }

    /// x raised to a small whole power by repeated squaring.
    package static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0, base = x, e = n
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }
}

/// Smooth deterministic value noise on the plane (integer hashing, bilinear smoothstep blend).
package struct ValueNoise: Sendable {
    let seed: UInt64

    /// Noise drawn from `seed` (the same seed, the same noise).
    package init(seed: UInt64) { self.seed = seed }

    /// A pseudo-random number in [0, 1) for the lattice point (`x`, `y`).
    @inline(__always) package func lattice(_ x: Int, _ y: Int) -> Double {
        var h = seed &+ UInt64(bitPattern: Int64(x)) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(bitPattern: Int64(y)) &* 0xC2B2_AE3D_27D4_EB4F
        h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 32)) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        return Double(h >> 11) * 0x1.0p-53
    }

    /// Noise in [0, 1) at (`x`, `y`); features are about 1 unit across.
    package func sample(_ x: Double, _ y: Double) -> Double {
        let fx = x.rounded(.down), fy = y.rounded(.down)
        let ix = Int(fx), iy = Int(fy)
        let tx = x - fx, ty = y - fy
        let sx = tx * tx * (3 - 2 * tx), sy = ty * ty * (3 - 2 * ty)
        let a = lattice(ix, iy), b = lattice(ix + 1, iy)
        let c = lattice(ix, iy + 1), d = lattice(ix + 1, iy + 1)
        let top = a + (b - a) * sx, bottom = c + (d - c) * sx
        return top + (bottom - top) * sy
    }

    /// Two octaves summed, in [0, 1).
    package func fractal(_ x: Double, _ y: Double) -> Double {
        (sample(x, y) * 2 + sample(x * 2.03 + 17.1, y * 2.03 - 5.3)) / 3
    }
}
