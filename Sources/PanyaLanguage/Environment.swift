/// One scope: its variables and the scope around it.
final class Environment {
    private(set) var values: [String: Value] = [:]
    private(set) var order: [String] = []
    let parent: Environment?

    init(parent: Environment?) { self.parent = parent }

    /// Whether `name` is declared in this very scope.
    func declaresLocally(_ name: String) -> Bool { values[name] != nil }

    /// Declares `name` here.
    func declare(_ name: String, _ value: Value) {
        if values.updateValue(value, forKey: name) == nil { order.append(name) }
    }

    /// The value of `name` here or in an enclosing scope.
    func lookup(_ name: String) -> Value? {
        var env: Environment? = self
        while let e = env {
            // Loop bodies and blocks are mostly empty scopes: skip them without hashing the name.
            if !e.values.isEmpty, let v = e.values[name] { return v }
            env = e.parent
        }
        return nil
    }

    /// Changes `name` where it is declared; false when it is not declared anywhere.
    func assign(_ name: String, _ value: Value) -> Bool {
        var env: Environment? = self
        while let e = env {
            if !e.values.isEmpty, let index = e.values.index(forKey: name) {
                e.values.values[index] = value
                return true
            }
            env = e.parent
        }
        return false
    }

    /// The scope that declares `name`, and the value there (one hash per non-empty scope).
    func owner(of name: String) -> (scope: Environment, value: Value)? {
        var env: Environment? = self
        while let e = env {
            if !e.values.isEmpty, let index = e.values.index(forKey: name) { return (e, e.values.values[index]) }
            env = e.parent
        }
        return nil
    }

    /// Replaces the value of `name`, which this scope declares.
    func replace(_ name: String, _ value: Value) {
        values[name] = value
    }

    /// Every name visible from here, innermost first.
    var visibleNames: [String] {
        var names: [String] = []
        var env: Environment? = self
        while let e = env { names += e.order; env = e.parent }
        return names
    }
}
