"""An rnn4j SequenceModel as a PyTorch module, built from the model's config.json.

Its parameter names are those in rnn4j's weights.safetensors (layers.<i>.weight_ih_l0, ...,
norms.<i>.weight, head.weight), so an rnn4j model loads with load_state_dict(strict=True) unchanged:

    import json
    from rnn4j_model import Rnn4jModel
    from safetensors_lite import load_file      # or: from safetensors.torch import load_file
    model = Rnn4jModel(json.load(open("model/config.json")))
    model.load_state_dict(load_file("model/weights.safetensors"), strict=True)
    logits = model(x, lengths)                  # x: [batch, time, inputs], already scaled

The forward pass is rnn4j's: each layer a one-layer nn.LSTM/GRU/RNN over a packed batch, the residual
connections and layer norms the config asks for, and the head on the last step's state (LAST_STEP),
every step (EVERY_STEP) or all steps flattened (ALL_STEPS).
"""
import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

CELLS = {"LSTM": torch.nn.LSTM, "GRU": torch.nn.GRU}


def _layer(spec, inputs):
    kw = dict(num_layers=1, bidirectional=spec["bidirectional"], batch_first=True)
    cell = spec["cell"]
    if cell in CELLS:
        return CELLS[cell](inputs, spec["hiddenSize"], **kw)
    return torch.nn.RNN(inputs, spec["hiddenSize"], nonlinearity=cell.split("_")[1].lower(), **kw)


def _width(spec):
    return spec["hiddenSize"] * (2 if spec["bidirectional"] else 1)


class Rnn4jModel(torch.nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        specs = config["layers"]
        widths = [config["inputSize"]] + [_width(s) for s in specs]
        self.layers = torch.nn.ModuleList(_layer(s, widths[i]) for i, s in enumerate(specs))
        if config.get("layerNorm", False):
            self.norms = torch.nn.ModuleList(torch.nn.LayerNorm(widths[i + 1], eps=1e-5) for i in range(len(specs) - 1))
        head = config["head"]
        features = widths[-1] * (head["steps"] if head["kind"] == "ALL_STEPS" else 1)
        self.head = torch.nn.Linear(features, head["outputs"])

    def forward(self, x, lengths=None):
        batch, time, _ = x.shape
        if lengths is None:
            lengths = torch.full((batch,), time, dtype=torch.long)
        valid = (torch.arange(time)[None, :] < lengths[:, None]).unsqueeze(-1).to(x.dtype)
        n = len(self.layers)
        h = x
        for i, layer in enumerate(self.layers):
            packed = pack_padded_sequence(h, lengths, batch_first=True, enforce_sorted=False)
            out, state = layer(packed)
            out, _ = pad_packed_sequence(out, batch_first=True, total_length=time)
            h_n = state[0] if isinstance(state, tuple) else state
            if self.config.get("residual", False) and 0 < i < n - 1:
                out = out + h
            if self.config.get("layerNorm", False) and i < n - 1:
                out = self.norms[i](out) * valid  # padded steps stay zero, as in rnn4j
            h = out
        kind = self.config["head"]["kind"]
        if kind == "LAST_STEP":
            return self.head(torch.cat(list(h_n[-2:] if self.layers[-1].bidirectional else h_n[-1:]), dim=1))
        if kind == "ALL_STEPS":
            return self.head(h.reshape(batch, -1))
        return self.head(h)
