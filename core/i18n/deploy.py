"""Strings of the one-click model download and the sidebar's memory line (issue 14)."""

PREFIXES = ("dl",)

STRINGS = {
    "dl.title": {"ja": "このモデルはここからダウンロードできます（download）",
                 "en": "This model can be downloaded here"},
    "dl.name": {"ja": "モデル (model)", "en": "Model"},
    "dl.size": {"ja": "サイズ (size)", "en": "Size"},
    "dl.license": {"ja": "ライセンス (license)", "en": "License"},
    "dl.license.unknown": {"ja": "不明（モデルカードを確認してください）", "en": "unknown (see the model card)"},
    "dl.button": {"ja": "ダウンロード", "en": "Download"},
    "dl.help": {"ja": "サーバーに一度だけダウンロードし、全員で共有します。終わるとそのまま読み込みます。",
                "en": "Downloaded once to the server and shared by everyone; it loads when done."},
    "dl.waiting": {"ja": "ほかのモデルのダウンロードが終わるのを待っています（順番待ち）…",
                   "en": "Waiting for another download to finish…"},
    "dl.progress": {"ja": "{done} / {total}・{speed}/秒・残り約 {eta}",
                    "en": "{done} / {total} · {speed}/s · about {eta} left"},
    "dl.eta.unknown": {"ja": "計算中", "en": "estimating"},
    "dl.done": {"ja": "ダウンロードが終わりました。モデルを読み込みます…", "en": "Downloaded. Loading the model…"},
}
