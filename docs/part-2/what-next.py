# %% [markdown]
# # what-next
#
# STUB: this chapter is being written.

# %%
from tinynet import train_two_layer

print(train_two_layer().l1)
