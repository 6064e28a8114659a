"""The yardsticks: numbers as the 2015 post and the notes printed them (typed here once)."""

# Part 1: the trained two-layer network's output, as the post prints it
PUBLISHED_L1 = ["0.00966449", "0.00786506", "0.99358898", "0.99211957"]

# "A modern neural network in 11 lines of Python" (22 December 2016): the output for their new rows X1
PUBLISHED_X1 = ["0.00786466", "0.9999225", "0.99358931", "0.99211997"]

# Part 2: the three-layer script's error log (Python 2 printed 12 significant digits)
PUBLISHED_ERRORS = [
    "0.496410031903",
    "0.00858452565325",
    "0.00578945986251",
    "0.00462917677677",
    "0.00395876528027",
    "0.00351012256786",
]

# the post's code: seed, loop counts and how often the three-layer script prints its error
PUBLISHED_SEED = 1
PUBLISHED_TWO_LAYER_ITERATIONS = 10000  # `for iter in xrange(10000):`
PUBLISHED_THREE_LAYER_ITERATIONS = 60000  # `for j in xrange(60000):`
PUBLISHED_LOG_EVERY = 10000  # `if (j% 10000) == 0:`
PUBLISHED_POST_LINES = 11  # the post's title: "A Neural Network in 11 lines of Python"

# "A modern neural network in 11 lines of Python" (2016): the numbers it quotes
NOTES_L1_SECOND = ["0.26", "0.36", "0.23", "0.32"]  # "after the second iteration", to two decimals
NOTES_DOT = ["-4.98467345", "-5.19108471", "5.39603866", "5.1896274"]  # its np.dot(l0,syn0)
NOTES_E = "2.718"  # what it says np.exp(1) returns
NOTES_X1 = [[0, 1, 1], [1, 1, 0], [1, 0, 1], [1, 1, 1]]  # its new rows
NOTES_LONGER = (8, 4)  # Part 2's script is eight lines longer, four without blank lines and comments
