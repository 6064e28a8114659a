"""Facts for the home page: what the two-layer script prints."""

import numpy as np

from sitebuild.facts import provides
from tinynet import train_two_layer


@provides
def two_layer_output() -> dict[str, str]:
    """The four outputs of the trained two-layer network, as the script prints them."""
    l1 = train_two_layer().l1
    facts = {f"two_layer_l1_{i}": np.format_float_positional(v, precision=8) for i, v in enumerate(l1.ravel())}
    facts["two_layer_l1"] = np.array2string(l1.ravel(), separator=", ")
    return facts
