"""Facts for the Part 2 chapters: the three-layer network and the 11-line version."""

from __future__ import annotations

import numpy as np

from sitebuild.facts._common import SCRIPTS as SCRIPTS  # the scripts' folder, for the tests
from sitebuild.facts._common import fixed, listed, run_script, source, table, trained_three
from sitebuild.includes import page_ranges
from tinynet import nonlin, y_xor

PAGE = "three-layer-network.md"

# eleven_lines.py line -> the three_layer.py lines it stands for, each with a piece of text
# found on both lines (the test checks every piece against the two scripts)
ELEVEN_TO_FIFTY: dict[int, list[tuple[int, str]]] = {
    1: [(1, "import numpy as np"), (19, "np.random.seed(1)")],
    2: [(9, "[0,0,1]"), (10, "[0,1,1]"), (11, "[1,0,1]"), (12, "[1,1,1]")],
    3: [(14, "y = np.array([["), (15, "1"), (16, "1"), (17, "0")],
    4: [(22, "syn0 = 2*np.random.random((3,4)) - 1")],
    5: [(23, "syn1 = 2*np.random.random((4,1)) - 1")],
    6: [(25, "for j in range(60000):")],
    7: [(28, "X"), (29, "np.dot("), (7, "1/(1+np.exp(-")],
    8: [(30, "np.dot(l1,syn1)"), (7, "1/(1+np.exp(-")],
    9: [(33, "y - l2"), (40, "l2_delta = "), (5, "*(1-")],
    10: [(43, "l2_delta.dot(syn1.T)"), (47, "l1_delta = "), (5, "(1-")],
    11: [(49, "syn1 += l1.T.dot(l2_delta)")],
    12: [(50, ".T.dot(l1_delta)"), (28, "X")],
}

# what each eleven_lines.py line leaves out or folds in, in a few words
ELEVEN_NOTES: dict[int, str] = {
    1: "added here: the post's 11 lines assume the import and use no seed",
    2: "the four rows on one line",
    3: "written as one row, then turned into a column with `.T`",
    4: "unchanged",
    5: "unchanged",
    6: "unchanged",
    7: "`l0` dropped (uses `X`); the sigmoid written out in place of `nonlin`",
    8: "the sigmoid written out in place of `nonlin`",
    9: "`l2_error` not named; the slope written out; no error printing",
    10: "`l1_error` not named; the slope written out",
    11: "unchanged",
    12: "`X` in place of `l0`",
}


def matrix_table(matrix: np.ndarray | list[np.ndarray], corner: str, rows: list[str], columns: list[str]) -> str:
    """A Markdown table of a 2-D array (or of a list of columns), with row and column labels, numbers to 8 decimals."""
    if isinstance(matrix, list):
        matrix = list(zip(*(np.ravel(c).tolist() for c in matrix), strict=True))
    cells = [
        [label, *(str(v) if isinstance(v, int | np.integer) else fixed(v, 8) for v in values)]
        for label, values in zip(rows, matrix, strict=True)
    ]
    return table([corner, *columns], cells, "|---" + "|--:" * len(columns) + "|")


def section_anchor(line: int) -> str:
    """The id of the three-layer-network.md section whose listing covers a line."""
    for anchor, (first, last) in page_ranges(f"part-2/{PAGE}").items():
        if first <= line <= last:
            return anchor
    raise ValueError(f"no section of {PAGE} covers line {line}")


def line_words(numbers: list[int]) -> str:
    """'line 7', or 'lines 9-12' (with an en dash) for several lines."""
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    return f"lines {min(numbers)}\u2013{max(numbers)}"


def lines_phrase(count: int) -> str:
    """How many lines a script prints, as a sentence says it: "nothing", "one line", "6 lines"."""
    return "nothing" if count == 0 else "one line" if count == 1 else f"{count:,} lines"


def three_layer_facts() -> dict[str, str]:
    """The error log and the numbers of the first iteration of three_layer.py."""
    run = trained_three()
    first = run.snapshots[0]
    namespace, printed = run_script("three_layer.py")
    facts = {}
    facts["three_layer_iterations"] = f"{namespace['j'] + 1:,}"
    facts["three_layer_log_every"] = f"{run.error_log[1][0]:,}"
    facts["three_layer_log_lines"] = str(len(printed.splitlines()))
    facts["three_layer_error_log"] = "```text\n" + printed + "```"
    facts["three_layer_error_first"] = fixed(run.error_log[0][1], 8)
    facts["three_layer_error_last"] = fixed(run.error_log[-1][1], 8)
    facts["three_layer_error_log_rounded"] = ", ".join(f"{error:.12g}" for _, error in run.error_log)
    rows = [f"`{list(map(int, r))}`" for r in first.l0]
    hidden = [f"unit {i}" for i in range(first.l1.shape[1])]
    facts["three_layer_starting_syn0_table"] = matrix_table(
        first.syn0, "input", ["column 0", "column 1", "column 2"], hidden
    )
    facts["three_layer_starting_syn1_table"] = matrix_table(first.syn1, "from", hidden, ["syn1"])
    facts["three_layer_first_iteration_l1_table"] = matrix_table(first.l1, "example", rows, hidden)
    facts["three_layer_first_iteration_l2_table"] = matrix_table(
        [first.l2, y_xor, first.l2_error], "example", rows, ["l2", "y", "l2_error"]
    )
    facts["three_layer_first_iteration_l2_delta_table"] = matrix_table(first.l2_delta, "example", rows, ["l2_delta"])
    facts["three_layer_starting_syn1_t_table"] = matrix_table(first.syn1.T, "matrix", ["syn1.T"], hidden)
    facts["three_layer_first_iteration_l1_error_table"] = matrix_table(first.l1_error, "example", rows, hidden)
    row, col = np.unravel_index(np.argmax(np.abs(first.l1_error)), first.l1_error.shape)
    facts["three_layer_worked_row"] = str(row)
    facts["three_layer_worked_col"] = str(col)
    facts["three_layer_worked_input"] = rows[row]
    worked = {
        "l2_delta": first.l2_delta[row, 0],
        "syn1_weight": first.syn1[col, 0],
        "product": first.l2_delta[row, 0] * first.syn1[col, 0],
        "l1_error_entry": first.l1_error[row, col],
        "slope": first.l1[row, col] * (1 - first.l1[row, col]),
        "l1": first.l1[row, col],
        "l1_delta": first.l1_delta[row, col],
    }
    facts |= {f"three_layer_worked_{name}": fixed(value, 8) for name, value in worked.items()}
    # line 43 as sensitivities: the last row's l1_error beside minus the slope of its error in each hidden value
    last, h = len(first.l0) - 1, 1e-6

    def error(l1: np.ndarray) -> float:
        return 0.5 * float(y_xor[last, 0] - nonlin(np.dot(l1, first.syn1))[0]) ** 2

    measured = [-(error(first.l1[last] + n) - error(first.l1[last] - n)) / (2 * h) for n in np.eye(len(hidden)) * h]
    facts["three_layer_first_iteration_last_row_input"] = rows[last]
    facts["three_layer_first_iteration_last_row_l1_error"] = listed(first.l1_error[last], 4)
    facts["three_layer_first_iteration_last_row_sum"] = fixed(first.l1_error[last].sum(), 4)
    facts["three_layer_first_iteration_last_row_l2_delta"] = fixed(first.l2_delta[last, 0], 4)
    facts["three_layer_first_iteration_last_row_measured"] = listed(measured, 4)
    facts["three_layer_first_iteration_syn1_change_table"] = matrix_table(
        first.syn1_after - first.syn1, "to", hidden, ["change"]
    )
    facts["three_layer_trained_l2_table"] = matrix_table(
        [run.l2, np.round(run.l2).astype(int)], "example", rows, ["l2", "rounded"]
    )
    facts["three_layer_trained_max_miss"] = fixed(np.max(np.abs(first.l2 + first.l2_error - run.l2)), 8)
    return facts


def eleven_lines_facts() -> dict[str, str]:
    """The 11-line version beside the 50-line script: the mapping table and the weights they reach."""
    eleven, printed = run_script("eleven_lines.py")
    fifty, _ = run_script("three_layer.py")
    same = all(np.array_equal(eleven[name], fifty[name]) for name in ("syn0", "syn1"))
    mapping = []
    for number, targets in ELEVEN_TO_FIFTY.items():
        groups: dict[str, list[int]] = {}
        for line, _ in targets:
            groups.setdefault(section_anchor(line), []).append(line)
        links = ", ".join(f"[{line_words(numbers)}](../part-2/{PAGE}#{anchor})" for anchor, numbers in groups.items())
        mapping.append([f"[line {number}](#line-{number})", ELEVEN_NOTES[number], links])
    return {
        "eleven_lines_mapping_table": table(
            ["11-line script", "what changed", "50-line script"], mapping, "|---|---|---|"
        ),
        "eleven_lines_same_weights": "the same, bit for bit" if same else "different",
        "eleven_lines_printout": lines_phrase(len(printed.splitlines())),
        "eleven_lines_post_lines": str(sum(1 for line in source("eleven_lines.py").splitlines()[1:] if line.strip())),
        "eleven_lines_trained_l2_table": matrix_table(
            eleven["l2"], "example", [f"`{list(map(int, r))}`" for r in eleven["X"]], ["l2"]
        ),
    }


# the functions whose dicts of name -> text become facts (sitebuild.facts.compute_all)
PROVIDERS = (three_layer_facts, eleven_lines_facts)
