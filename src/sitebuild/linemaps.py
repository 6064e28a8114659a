"""Which statement stands on which line of each canonical script (the published numbering)."""

from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "tinynet"

# script file -> {line number: the line's text with surrounding spaces removed}
LINE_MAPS: dict[str, dict[int, str]] = {
    "two_layer.py": {
        1: "import numpy as np",
        3: "# sigmoid function",
        4: "def nonlin(x,deriv=False):",
        5: "if(deriv==True):",
        6: "return x*(1-x)",
        7: "return 1/(1+np.exp(-x))",
        9: "# input dataset",
        10: "X = np.array([  [0,0,1],",
        11: "[0,1,1],",
        12: "[1,0,1],",
        13: "[1,1,1] ])",
        15: "# output dataset",
        16: "y = np.array([[0,0,1,1]]).T",
        18: "# seed random numbers to make calculation",
        19: "# deterministic (just a good practice)",
        20: "np.random.seed(1)",
        22: "# initialize weights randomly with mean 0",
        23: "syn0 = 2*np.random.random((3,1)) - 1",
        25: "for iter in range(10000):",
        27: "# forward propagation",
        28: "l0 = X",
        29: "l1 = nonlin(np.dot(l0,syn0))",
        31: "# how much did we miss?",
        32: "l1_error = y - l1",
        34: "# multiply how much we missed by the",
        35: "# slope of the sigmoid at the values in l1",
        36: "l1_delta = l1_error * nonlin(l1,True)",
        38: "# update weights",
        39: "syn0 += np.dot(l0.T,l1_delta)",
        41: 'print("Output After Training:")',
        42: "print(l1)",
    },
    "three_layer.py": {
        1: "import numpy as np",
        3: "def nonlin(x,deriv=False):",
        4: "if(deriv==True):",
        5: "return x*(1-x)",
        7: "return 1/(1+np.exp(-x))",
        9: "X = np.array([[0,0,1],",
        10: "[0,1,1],",
        11: "[1,0,1],",
        12: "[1,1,1]])",
        14: "y = np.array([[0],",
        15: "[1],",
        16: "[1],",
        17: "[0]])",
        19: "np.random.seed(1)",
        21: "# randomly initialize our weights with mean 0",
        22: "syn0 = 2*np.random.random((3,4)) - 1",
        23: "syn1 = 2*np.random.random((4,1)) - 1",
        25: "for j in range(60000):",
        27: "# Feed forward through layers 0, 1, and 2",
        28: "l0 = X",
        29: "l1 = nonlin(np.dot(l0,syn0))",
        30: "l2 = nonlin(np.dot(l1,syn1))",
        32: "# how much did we miss the target value?",
        33: "l2_error = y - l2",
        35: "if (j% 10000) == 0:",
        36: 'print("Error:" + str(np.mean(np.abs(l2_error))))',
        38: "# in what direction is the target value?",
        39: "# were we really sure? if so, don't change too much.",
        40: "l2_delta = l2_error*nonlin(l2,deriv=True)",
        42: "# how much did each l1 value contribute to the l2 error (according to the weights)?",
        43: "l1_error = l2_delta.dot(syn1.T)",
        45: "# in what direction is the target l1?",
        46: "# were we really sure? if so, don't change too much.",
        47: "l1_delta = l1_error * nonlin(l1,deriv=True)",
        49: "syn1 += l1.T.dot(l2_delta)",
        50: "syn0 += l0.T.dot(l1_delta)",
    },
    "eleven_lines.py": {
        2: "X = np.array([ [0,0,1],[0,1,1],[1,0,1],[1,1,1] ])",
        3: "y = np.array([[0,1,1,0]]).T",
        4: "syn0 = 2*np.random.random((3,4)) - 1",
        5: "syn1 = 2*np.random.random((4,1)) - 1",
        6: "for j in range(60000):",
        7: "l1 = 1/(1+np.exp(-(np.dot(X,syn0))))",
        8: "l2 = 1/(1+np.exp(-(np.dot(l1,syn1))))",
        9: "l2_delta = (y - l2)*(l2*(1-l2))",
        10: "l1_delta = l2_delta.dot(syn1.T) * (l1 * (1-l1))",
        11: "syn1 += l1.T.dot(l2_delta)",
        12: "syn0 += X.T.dot(l1_delta)",
    },
}

# line counts of the canonical scripts
LINE_COUNTS = {"two_layer.py": 42, "three_layer.py": 50, "eleven_lines.py": 12}


def script_lines(name: str) -> list[str]:
    """The lines of a canonical script, without line endings."""
    return (SRC / name).read_text(encoding="utf-8").splitlines()


def mismatches(name: str) -> list[str]:
    """Describe every line of the script that no longer holds what its line map says."""
    lines = script_lines(name)
    problems = []
    if len(lines) != LINE_COUNTS[name]:
        problems.append(f"{name} has {len(lines)} lines, not {LINE_COUNTS[name]}")
    for number, expected in LINE_MAPS[name].items():
        found = lines[number - 1].strip() if number <= len(lines) else "<past the end>"
        if found != expected:
            problems.append(f"{name} line {number} holds {found!r}, not {expected!r}")
    return problems
