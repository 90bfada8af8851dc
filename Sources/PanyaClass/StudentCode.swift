import PanyaSupport

/// A student's own register code: the starting `register.panya` and the limits of a run.
public enum StudentCode {
    /// The longest program a student may save, in characters.
    public static let maxLength = 20_000

    /// The call that asks the student's code for the total of the register's lines.
    public static let call = "total(register())"

    /// The program each student starts from: it adds up the lines but forgets the tax, so the
    /// page shows the student's total and the register's apart until they add it (lesson 3's idea).
    public static func starter(_ language: UILanguage) -> String {
        switch language {
        case .ja:
            return """
            # register.panya — レジの合計を出す、あなたのプログラム
            # lines はレジの行のリストです。1行に name (パンの名前)、qty (個数)、unit_price (税抜きの値段) があります。
            fn total(lines) {
              let subtotal = 0
              for line in lines {
                subtotal += line.unit_price * line.qty
              }
              # 持ち帰りのパンには消費税が 8% かかります (1円未満は切り捨て: floor)。
              # レジの合計と同じになるように、ここで税を足しましょう。
              return subtotal
            }

            """
        case .en:
            return """
            # register.panya — your program that works out the register's total
            # lines is the list of the register's lines: each has name (the bread), qty and unit_price (yen, tax excluded).
            fn total(lines) {
              let subtotal = 0
              for line in lines {
                subtotal += line.unit_price * line.qty
              }
              # Take-out bread has 8% consumption tax (fractions of a yen dropped: floor).
              # Add the tax here so that your total matches the register's.
              return subtotal
            }

            """
        }
    }
}
