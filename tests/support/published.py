"""The yardsticks: numbers as the 2015 post and the seed notes printed them (typed here once)."""

# Part 1: the trained two-layer network's output, as the post prints it
PUBLISHED_L1 = ["0.00966449", "0.00786506", "0.99358898", "0.99211957"]

# the seed notes: the trained network's output for their new rows X1
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
