/// Left-aligned columns separated by two spaces; widths count characters, not escape codes,
/// so cells may be styled.
struct TextTable {
    /// The rows, each a list of (plain text, styled text) cells.
    private var rows: [[(plain: String, styled: String)]] = []

    /// Adds a row of plain cells.
    mutating func add(_ cells: [String]) { rows.append(cells.map { ($0, $0) }) }

    /// Adds a row whose cells are already styled; `plain` gives their visible text for widths.
    mutating func add(plain: [String], styled: [String]) {
        rows.append(zip(plain, styled).map { ($0, $1) })
    }

    /// The lines, without trailing spaces.
    func lines(indent: String = "") -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.plain.count) }
        }
        return rows.map { row in
            var line = indent
            for (index, cell) in row.enumerated() {
                let isLast = index == row.count - 1
                line += cell.styled
                if !isLast { line += String(repeating: " ", count: widths[index] - cell.plain.count + 2) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
