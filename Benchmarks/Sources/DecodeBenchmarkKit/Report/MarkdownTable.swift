/// A Markdown table with right-aligned numeric columns, padded so it also reads well in a terminal.
package struct MarkdownTable {
    /// Column headings.
    package var header: [String]
    /// Rows of cells, as many as there are headings.
    package var rows: [[String]] = []

    /// A table with these headings.
    package init(header: [String]) {
        self.header = header
    }

    /// The lines of the table; the first column is left-aligned, the others right-aligned.
    package func render() -> [String] {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        let rule = widths.enumerated().map { column, width in
            column == 0 ? String(repeating: "-", count: width) : String(repeating: "-", count: max(1, width - 1)) + ":"
        }
        return [line(header), "| " + rule.joined(separator: " | ") + " |"] + rows.map(line)
    }
}
