import threading

from core import device
from tests.conftest import wait_until


def test_cpu_here_and_dtype_policy(monkeypatch):
    monkeypatch.setenv(device.ENV_VAR, "cpu")
    info = device.info(refresh=True)
    assert info.type == "cpu" and info.torch_device == "cpu"
    assert info.inference_dtype == "float32"
    import torch

    assert device.get_device() == torch.device("cpu")
    assert device.inference_dtype() is torch.float32
    assert device.training_dtype() is torch.float32
    device.info(refresh=True)


def test_unknown_override_falls_back(monkeypatch):
    monkeypatch.setenv(device.ENV_VAR, "cuda:7")
    import torch

    info = device.info(refresh=True)
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert info.type == expected or info.type == "mps"
    monkeypatch.delenv(device.ENV_VAR)
    device.info(refresh=True)


def test_heavy_work_serialises_and_reports_waiting():
    order, waited = [], []
    inside = {"a": threading.Event(), "b": threading.Event()}
    leave = {"a": threading.Event(), "b": threading.Event()}

    def worker(name):
        with device.heavy_work(on_wait=lambda: waited.append(name)):
            order.append(f"{name}-in")
            inside[name].set()
            assert leave[name].wait(30)
            order.append(f"{name}-out")

    a = threading.Thread(target=worker, args=("a",))
    a.start()
    assert inside["a"].wait(30)
    assert device.lock_busy()
    b = threading.Thread(target=worker, args=("b",))
    b.start()
    wait_until(lambda: device.waiting_count() == 1, what="b to wait for the lock")
    assert not inside["b"].is_set()  # b waits while a holds the lock
    leave["a"].set()
    leave["b"].set()
    a.join()
    b.join()
    assert order == ["a-in", "a-out", "b-in", "b-out"]
    assert waited == ["b"]
    assert device.waiting_count() == 0 and not device.lock_busy()


def test_heavy_work_is_reentrant():
    with device.heavy_work():
        with device.heavy_work() as waited:
            assert waited == 0.0
    assert not device.lock_busy()


def test_cpu_threads_nests_overlaps_and_restores():
    import torch

    before = torch.get_num_threads()
    done, entered, go = threading.Event(), threading.Event(), threading.Event()

    def other_session():
        with device.cpu_threads(1):
            entered.set()
            assert go.wait(30)
        done.set()

    with device.cpu_threads(1):
        assert torch.get_num_threads() == 1
        th = threading.Thread(target=other_session)
        th.start()
        assert entered.wait(30)  # the other session's block overlaps this one
        with device.cpu_threads(1):
            assert torch.get_num_threads() == 1
        assert torch.get_num_threads() == 1
    go.set()
    th.join()
    assert done.is_set() and torch.get_num_threads() == before
    with device.cpu_threads(None):
        assert torch.get_num_threads() == before
