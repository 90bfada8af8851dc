/// The names of the language's built-in functions (for completion and `help`).
public enum BuiltinFunctions {
    /// Every built-in function's name, in the order they are declared.
    public static var names: [String] { Builtins.all.map(\.name) }
}
