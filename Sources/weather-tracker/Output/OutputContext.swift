import WeatherCore

/// How a command prints: JSON or text, with the units and colour chosen.
struct OutputContext {
    /// `--json`.
    let json: Bool
    /// The units of the text.
    let units: Quantities
    /// The units of `--json` quantities: those asked for with `--units`, else WeatherCore's own.
    let jsonUnits: UnitSystem?
    /// Colour on or off.
    let style: Style

    init(_ options: LookupOptions, environment: [String: String] = ProcessEnvironment.current) {
        json = options.json
        units = Quantities(system: options.units ?? .metric)
        jsonUnits = options.units
        style = Style.forStandardOutput(environment: environment)
    }

    /// Prints `value` as JSON, or the text `render` makes of it.
    func print<V: Encodable>(_ value: V, text render: (V) -> String) throws {
        Console.out(json ? try JSONOutput.text(value, units: jsonUnits) : render(value))
    }
}
