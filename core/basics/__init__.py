"""ニューラルネットの基礎 (100本ノック 第8章): the math of the /basics page, one module per topic.

- ``numbers``: parsing what a person types (logits, probabilities) with Japanese errors and caps
- ``neuron``: activations, one neuron y = f(w·x + b), the linearity check, depth without
  non-linearity (linear layers collapse into one matrix), fully connected layer = matrix product
- ``information``: softmax (numerically stable), information content, entropy, cross entropy
- ``descent``: gradient descent p′ = p − η ∂E/∂p on 1D / 2D surfaces, SGD vs full batch
- ``backprop``: the chain rule on y = σ(w·x + b), E = cross entropy, checked against autograd
- ``playground``: 2-D datasets and an MLP trained live (the TensorFlow Playground experience)

numpy everywhere; torch only where the page shows PyTorch (backprop, matrix-shape errors, the
playground's MLP), imported lazily.
"""
