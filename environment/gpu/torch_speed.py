"""PyTorch's side of the GPU speed table (environment/gpu/run_device_check.sh): the same Shuttle rows, the
same nets (9-64-64-7 at batch 32, 256, 4096; 9-1024-1024-7 at batch 256), Adam 1e-3, ReLU, cross-entropy,
trained eagerly and with the whole step captured in one CUDA graph (PyTorch's documented whole-network
capture, with capturable Adam). Data stays on the GPU; minibatch order is a randperm on the GPU.
Each epoch runs the full batches only (a graph has static shapes; eager does the same for equal work).
Prints one JSON line per run, in the Java check's format; the first epoch is not counted."""
import gzip
import json
import sys
import time

import torch


def load(path):
    rows = []
    with gzip.open(path, "rt") as f:
        for line in f:
            rows.append([float(v) for v in line.split(",")])
    t = torch.tensor(rows)
    return t[:, 1:].contiguous(), t[:, 0].long()


def net(inputs, hidden, classes):
    layers, width = [], inputs
    for h in hidden:
        layers += [torch.nn.Linear(width, h), torch.nn.ReLU()]
        width = h
    layers.append(torch.nn.Linear(width, classes))
    return torch.nn.Sequential(*layers)


def run(x, y, hidden, batch, epochs, graphed, seed=1):
    torch.manual_seed(seed)
    dev = torch.device("cuda")
    x, y = x.to(dev), y.to(dev)
    model = net(x.shape[1], hidden, int(y.max()) + 1).to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, capturable=graphed)
    loss_fn = torch.nn.CrossEntropyLoss()
    steps = x.shape[0] // batch
    static_x = torch.empty(batch, x.shape[1], device=dev)
    static_y = torch.empty(batch, dtype=torch.long, device=dev)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(static_x), static_y)
        loss.backward()
        opt.step()
        return loss

    graph = None
    if graphed:
        static_x.copy_(x[:batch])
        static_y.copy_(y[:batch])
        side = torch.cuda.Stream()
        side.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(side):
            for _ in range(3):  # warm-up on a side stream, as the capture recipe requires
                step()
        torch.cuda.current_stream().wait_stream(side)
        graph = torch.cuda.CUDAGraph()
        opt.zero_grad(set_to_none=True)
        with torch.cuda.graph(graph):
            step()
    seconds = []
    for _ in range(epochs):
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        order = torch.randperm(x.shape[0], device=dev)
        for s in range(steps):
            idx = order[s * batch:(s + 1) * batch]
            static_x.copy_(x[idx])
            static_y.copy_(y[idx])
            if graph is not None:
                graph.replay()
            else:
                step()
        torch.cuda.synchronize()
        seconds.append(time.perf_counter() - t0)
    return steps * batch * (epochs - 1) / sum(seconds[1:])


def main():
    x, y = load(sys.argv[1])
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    print(f"torch {torch.__version__} on {torch.cuda.get_device_name(0)}; {x.shape[0]} rows, {epochs} epochs")
    for hidden, batch in [((64, 64), 32), ((64, 64), 256), ((64, 64), 4096), ((1024, 1024), 256)]:
        for graphed in (False, True):
            rate = run(x, y, hidden, batch, epochs, graphed)
            print(json.dumps({"engine": "torch-graphed" if graphed else "torch-eager",
                              "net": f"{hidden[0]}-{hidden[1]}", "batch": batch, "examples_per_s": round(rate)}))


if __name__ == "__main__":
    main()
