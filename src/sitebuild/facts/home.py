"""Facts for the home page: what the two-layer script prints."""

import numpy as np

from sitebuild.facts._common import trained


def two_layer_output() -> dict[str, str]:
    """The outputs of the trained two-layer network, as numpy prints them."""
    return {"two_layer_l1": np.array2string(trained().l1.ravel(), separator=", ")}


# the functions whose dicts of name -> text become facts (sitebuild.facts.compute_all)
PROVIDERS = (two_layer_output,)
