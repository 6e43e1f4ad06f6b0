"""Peer for RecommenderBench: the same protocol in numpy (dense matrices, the usual way to write it).

Usage: python3 recommend_reference.py user_artists.dat MODEL  ->  one line "recall ndcg hr seconds".
The hold-out uses numpy's generator, so its split differs from Fermata's; figures agree to noise.
"""
import sys
import time

import numpy as np


def main(path, model, k=20, seed=42):
    rows = [line.split('\t') for line in open(path).read().splitlines()[1:] if line.strip()]
    users = np.array([int(r[0]) for r in rows])
    items = np.array([int(r[1]) for r in rows])
    plays = np.array([float(r[2]) for r in rows])
    _, u = np.unique(users, return_inverse=True)
    _, i = np.unique(items, return_inverse=True)
    m, n = u.max() + 1, i.max() + 1
    full = np.zeros((m, n))
    full[u, i] = plays
    rng = np.random.default_rng(seed)
    train = np.zeros((m, n))
    held = []
    for a in range(m):
        own = rng.permutation(np.nonzero(full[a])[0])
        h = int(round(0.2 * len(own))) if len(own) >= 2 else 0
        h = max(1, h) if len(own) >= 2 else 0
        held.append(set(own[:h].tolist()))
        train[a, own[h:]] = full[a, own[h:]]
    binary = (train > 0).astype(float)
    started = time.time()
    if model == 'popularity':
        scores = np.tile(binary.sum(0), (m, 1))
    elif model == 'itemknn':
        norms = np.sqrt(binary.sum(0)) + 1e-12
        sim = (binary.T @ binary) / np.outer(norms, norms)
        np.fill_diagonal(sim, 0)
        drop = np.argpartition(-sim, 100, axis=1)[:, 100:]
        np.put_along_axis(sim, drop, 0, axis=1)
        scores = binary @ sim
    elif model == 'ease':
        keep = binary.sum(0) >= 2
        x = binary[:, keep]
        p = np.linalg.inv(x.T @ x + 200 * np.eye(keep.sum()))
        b = -p / np.diag(p)
        np.fill_diagonal(b, 0)
        scores = np.full((m, n), -np.inf)
        scores[:, keep] = x @ b
    else:
        f, reg = 64, 0.01
        conf = np.where(train > 0, 1 + 2 * np.log1p(train), 0)
        x = np.zeros((m, f))
        y = np.random.default_rng(seed).normal(0, 0.01, (n, f))
        for _ in range(15):
            for (out, fixed, c) in ((x, y, conf), (y, x, conf.T)):
                gram = fixed.T @ fixed
                for r in range(out.shape[0]):
                    nz = np.nonzero(c[r])[0]
                    if len(nz) == 0:
                        out[r] = 0
                        continue
                    yn, cn = fixed[nz], c[r, nz]
                    out[r] = np.linalg.solve(gram + (yn.T * (cn - 1)) @ yn + reg * np.eye(f), (yn.T * cn).sum(1))
        scores = x @ y.T
    scores[binary > 0] = -np.inf
    recall = ndcg = hr = 0.0
    evaluated = 0
    for a in range(m):
        if not held[a]:
            continue
        top = np.argpartition(-scores[a], k)[:k]
        top = top[np.argsort(-scores[a][top])]
        hits = [1 if t in held[a] else 0 for t in top]
        recall += sum(hits) / min(k, len(held[a]))
        hr += 1 if sum(hits) else 0
        ideal = sum(1 / np.log2(r + 2) for r in range(min(k, len(held[a]))))
        ndcg += sum(h / np.log2(r + 2) for r, h in enumerate(hits)) / ideal
        evaluated += 1
    seconds = time.time() - started
    print(f"{recall / evaluated:.4f} {ndcg / evaluated:.4f} {hr / evaluated:.4f} {seconds:.2f}")


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
