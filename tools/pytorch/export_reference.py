"""Writes PyTorch models and their outputs for rnn4j's interop tests.

Recurrent modules alone (PyTorchInteropTest), listed in OUT_DIR/CASES: NAME.safetensors is the
module's state_dict exactly as a PyTorch user would save it, NAME.io.safetensors holds an input x,
lengths (as float) and PyTorch's output, h_n (and c_n), NAME.json the module's configuration.

Whole models, a recurrent module `rnn` plus an nn.Linear `head` (PyTorchModelsInteropTest), listed in
OUT_DIR/MODEL_CASES: NAME.safetensors is the Net's state_dict, NAME.io.safetensors holds x, lengths
and PyTorch's output `y` (the head's), NAME.json the Net's configuration.

usage: python3 export_reference.py OUT_DIR
"""
import json
import os
import sys

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from safetensors_lite import save_file

CASES = [
    # name, cell, input, hidden, layers, bidirectional, bias, batch, time, lengths
    ("lstm_2x_bi_lengths", "lstm", 5, 8, 2, True, True, 3, 9, [9, 4, 6]),
    ("gru_3x", "gru", 4, 6, 3, False, True, 2, 12, None),
    ("rnn_relu_bi_nobias", "rnn_relu", 3, 5, 1, True, False, 4, 7, [1, 7, 3, 5]),
    ("rnn_tanh_long", "rnn_tanh", 2, 16, 1, False, True, 2, 150, None),
]


MODEL_CASES = [
    # name, cell, input, hidden, layers, bidirectional, outputs, head, batch, time, lengths
    ("net_lstm_2x_last", "lstm", 12, 16, 2, False, 9, "last_step", 4, 11, [11, 7, 3, 9]),
    ("net_gru_bi_last", "gru", 5, 8, 1, True, 3, "last_step", 3, 9, [9, 4, 6]),
    ("net_rnn_tanh_every", "rnn_tanh", 3, 6, 2, False, 2, "every_step", 2, 8, None),
]


class Net(torch.nn.Module):
    """The natural PyTorch layout rnn4j's PyTorchModels.load reads: `rnn` then `head`."""

    def __init__(self, cell, i, h, layers, bidi, outputs, head):
        super().__init__()
        self.rnn = build(cell, i, h, layers, bidi, True)
        self.head = torch.nn.Linear(h * (2 if bidi else 1), outputs)
        self.head_kind = head

    def forward(self, x, lengths=None):
        if lengths is not None:
            x = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, state = self.rnn(x)
        h_n = state[0] if isinstance(state, tuple) else state
        if self.head_kind == "last_step":  # the last layer's final state, both directions
            return self.head(torch.cat(list(h_n[-2:] if self.rnn.bidirectional else h_n[-1:]), dim=1))
        if lengths is not None:
            out, _ = pad_packed_sequence(out, batch_first=True)
        return self.head(out)


def export_models(out):
    for name, cell, i, h, layers, bidi, outputs, head, batch, time, lengths in MODEL_CASES:
        net = Net(cell, i, h, layers, bidi, outputs, head)
        x = torch.randn(batch, time, i)
        with torch.no_grad():
            y = net(x, None if lengths is None else torch.tensor(lengths))
        save_file(net.state_dict(), os.path.join(out, name + ".safetensors"))
        io = {"x": x, "y": y}
        if lengths is not None:
            io["lengths"] = torch.tensor(lengths, dtype=torch.float32)
        save_file(io, os.path.join(out, name + ".io.safetensors"))
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump({"cell": cell, "input_size": i, "hidden_size": h, "num_layers": layers,
                       "bidirectional": bidi, "outputs": outputs, "head": head}, f)
    with open(os.path.join(out, "MODEL_CASES"), "w") as f:
        f.write("\n".join(c[0] for c in MODEL_CASES) + "\n")


def build(cell, i, h, layers, bidi, bias):
    kw = dict(num_layers=layers, bidirectional=bidi, bias=bias, batch_first=True)
    if cell == "lstm":
        return torch.nn.LSTM(i, h, **kw)
    if cell == "gru":
        return torch.nn.GRU(i, h, **kw)
    return torch.nn.RNN(i, h, nonlinearity=cell.split("_")[1], **kw)


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(20261124)
    torch.set_num_threads(1)
    for name, cell, i, h, layers, bidi, bias, batch, time, lengths in CASES:
        module = build(cell, i, h, layers, bidi, bias)
        x = torch.randn(batch, time, i)
        with torch.no_grad():
            if lengths is None:
                y, state = module(x)
            else:
                packed = pack_padded_sequence(x, torch.tensor(lengths), batch_first=True, enforce_sorted=False)
                y, state = module(packed)
                y, _ = pad_packed_sequence(y, batch_first=True, total_length=time)
        save_file(module.state_dict(), os.path.join(out, name + ".safetensors"))
        io = {"x": x, "output": y}
        if cell == "lstm":
            io["h_n"], io["c_n"] = state
        else:
            io["h_n"] = state
        if lengths is not None:
            io["lengths"] = torch.tensor(lengths, dtype=torch.float32)
        save_file(io, os.path.join(out, name + ".io.safetensors"))
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump({"cell": cell, "input_size": i, "hidden_size": h, "num_layers": layers,
                       "bidirectional": bidi, "bias": bias}, f)
    with open(os.path.join(out, "CASES"), "w") as f:
        f.write("\n".join(c[0] for c in CASES) + "\n")
    export_models(out)


if __name__ == "__main__":
    main(sys.argv[1])
