"""UI strings of the shared-server controls (issue #19): model pickers, saved models."""

PREFIXES = ("src", "ft")

STRINGS = {
    "src.option.default": {"ja": "{source}（既定）", "en": "{source} (default)"},
    "src.option.trained": {"ja": "このサーバーで学習: {name}（{kind}）", "en": "Trained on this server: {name} ({kind})"},
    "src.pick.help": {"ja": "先生（サーバーの管理者）が許可したモデルから選びます。このサーバーで保存したモデルも並びます。",
                      "en": "Pick from the models the teacher (server operator) allows, including models saved on this server."},
    "src.custom.help": {"ja": "hub の ID（例: {default}）か、許可されたフォルダの中のモデルのディレクトリ。空欄なら環境変数 {env}、なければ既定。",
                        "en": "A hub id (e.g. {default}) or a model directory inside the allowed folders. Empty: {env}, else the default."},
    "ft.save.off": {"ja": "このサーバーでは保存が止められています（管理者の設定 PLAYGROUND_ALLOW_SAVE）。結果はこのセッションの中で使えます。",
                    "en": "Saving is switched off on this server (operator setting PLAYGROUND_ALLOW_SAVE). The result stays usable in this session."},
    "ft.save.unique": {"ja": "既定の名前はこのセッションだけのものです。同じ名前のモデルがすでにあれば、上書きせずに -2, -3 … を付けて保存します。",
                       "en": "The default name is unique to this session. If the name is taken, the model is saved as -2, -3 … instead of replacing it."},
    "ft.save.renamed": {"ja": "「{name}」はすでにあるため、上書きせずに「{saved}」として保存しました。",
                        "en": "\"{name}\" exists already: saved as \"{saved}\" instead of replacing it."},
    "ft.saved.title": {"ja": "このサーバーに保存されたモデル", "en": "Models saved on this server"},
    "ft.saved.none": {"ja": "このサーバーに保存されたモデルはまだありません。", "en": "No model saved on this server yet."},
    "ft.saved.reuse": {"ja": "保存したモデルは、サイドバーの「モデル: 感情分析 (sentiment)」の一覧から選んで使えます。",
                       "en": "Saved models appear in the sidebar's sentiment model list for reuse."},
}
