<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>Dicom::DicomWebReply</name>
    <message>
        <source>The image server sent "%1" instead of DICOM data.</source>
        <translation>画像サーバーから DICOM データではなく「%1」が返されました。</translation>
    </message>
    <message>
        <source>The image server's response could not be read: %1</source>
        <translation>画像サーバーの応答を読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>The image server answered %1 %2.</source>
        <translation>画像サーバーがエラーを返しました（%1 %2）。</translation>
    </message>
    <message>
        <source>The secure connection to the image server failed: %1</source>
        <translation>画像サーバーとの安全な接続を確立できませんでした: %1</translation>
    </message>
    <message>
        <source>The connection to the image server failed: %1</source>
        <translation>画像サーバーとの接続に失敗しました: %1</translation>
    </message>
    <message>
        <source>The image server's answer is not DICOM JSON: %1</source>
        <translation>画像サーバーの応答が DICOM JSON ではありません: %1</translation>
    </message>
    <message>
        <source>The image server's response ended early.</source>
        <translation>画像サーバーからの応答が途中で途切れました。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>中止しました。</translation>
    </message>
</context>
<context>
    <name>Dicom::StudyFetch</name>
    <message>
        <source>No image server is configured.</source>
        <translation>画像サーバーが設定されていません。</translation>
    </message>
    <message>
        <source>The images could not be loaded.</source>
        <translation>画像を読み込めませんでした。</translation>
    </message>
    <message>
        <source>The hub no longer accepts this session; log in again to load the rest.</source>
        <translation>ハブでのセッションが無効になりました。再ログインすると残りの画像を読み込みます。</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Loading the document…</source>
        <translation>文書を読み込んでいます…</translation>
    </message>
    <message>
        <source>This document could not be displayed: it is not a readable CDA document.</source>
        <translation>この文書は表示できませんでした（読み取れるCDA文書ではありません）。</translation>
    </message>
    <message>
        <source>This PDF document could not be displayed.</source>
        <translation>このPDF文書は表示できませんでした。</translation>
    </message>
    <message>
        <source>Documents of this type (%1) cannot be displayed here.</source>
        <translation>この形式（%1）の文書はここでは表示できません。</translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation>記載日 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Author %1</source>
        <translation>記載者 %1</translation>
    </message>
    <message>
        <source>Stay %1 – %2</source>
        <translation>入院期間 %1〜%2</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>患者：%1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>%1生</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>(untitled section)</source>
        <translation>（見出しなし）</translation>
    </message>
</context>
<context>
    <name>EcgPaper</name>
    <message>
        <source>%1 mm/s</source>
        <translation>%1 mm/s</translation>
    </message>
    <message>
        <source>%1 mm/mV</source>
        <translation>%1 mm/mV</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n誘導</numerusform>
        </translation>
    </message>
    <message>
        <source>filter %1–%2 Hz</source>
        <translation>フィルタ %1–%2 Hz</translation>
    </message>
    <message>
        <source>notch %1 Hz</source>
        <translation>ハムフィルタ %1 Hz</translation>
    </message>
</context>
<context>
    <name>EcgView</name>
    <message>
        <source>3×4 + rhythm II</source>
        <translation>3×4 + II誘導リズム</translation>
    </message>
    <message>
        <source>One row per lead</source>
        <translation>1誘導1段</translation>
    </message>
    <message>
        <source>%1 mm/s</source>
        <translation>%1 mm/s</translation>
    </message>
    <message>
        <source>%1 mm/mV</source>
        <translation>%1 mm/mV</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>縮小 (Ctrl+−)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>拡大 (Ctrl++)</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>実寸</translation>
    </message>
    <message>
        <source>Millimetres on the paper are millimetres on the screen (Ctrl+0)</source>
        <translation>記録紙の1 mmを画面上の1 mmで表示 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <source>Show the whole width of the paper</source>
        <translation>記録紙の全幅を表示</translation>
    </message>
    <message>
        <source>This ECG contains no waveform.</source>
        <translation>この心電図には波形がありません。</translation>
    </message>
</context>
<context>
    <name>ImageViewerWindow</name>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Close the image viewer</source>
        <translation>画像ビューアを閉じる</translation>
    </message>
    <message>
        <source>Window/Level</source>
        <translation>階調</translation>
    </message>
    <message>
        <source>Drag to change window and level (W)</source>
        <translation>ドラッグでウィンドウレベル・幅を変更 (W)</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>距離計測</translation>
    </message>
    <message>
        <source>Drag to measure a length (L)</source>
        <translation>ドラッグで距離を計測 (L)</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Drag to move the image (P)</source>
        <translation>ドラッグで画像を移動 (P)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Fit to window (F)</source>
        <translation>ウィンドウに合わせる (F)</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>白黒反転</translation>
    </message>
    <message>
        <source>Invert grey scale (I)</source>
        <translation>階調を白黒反転 (I)</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>回転</translation>
    </message>
    <message>
        <source>Rotate 90° clockwise (R)</source>
        <translation>時計回りに90°回転 (R)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Reset the view (Esc)</source>
        <translation>表示をリセット (Esc)</translation>
    </message>
    <message>
        <source>1×2</source>
        <translation>1×2</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Play or stop cine (Space)</source>
        <translation>シネ再生・停止 (Space)</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Cine frame rate</source>
        <translation>シネのフレームレート</translation>
    </message>
    <message>
        <source>Reading images…</source>
        <translation>画像を読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) read</source>
        <translation>
            <numerusform>画像を %n 枚読み込みました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n 件のファイルを読み込めませんでした</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Load the images that did not arrive; those shown are kept</source>
        <translation>届かなかった画像だけを読み込みます（表示中の画像はそのまま残ります）</translation>
    </message>
    <message>
        <source>Loading the images from the hub…</source>
        <translation>ハブから画像を読み込んでいます…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>フォルダを開く…</translation>
    </message>
    <message>
        <source>Open the DICOM files in a folder, e.g. a patient's CD</source>
        <translation>フォルダ内のDICOMファイルを開きます（患者さん持参のCDなど）</translation>
    </message>
    <message>
        <source>Open DICOMDIR…</source>
        <translation>DICOMDIR…</translation>
    </message>
    <message>
        <source>Open the DICOMDIR of a CD or DVD (Ctrl+O)</source>
        <translation>CD・DVDのDICOMDIRを開きます (Ctrl+O)</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>Click three points, the vertex second, to measure an angle (A)</source>
        <translation>3点をクリックして角度を計測（2点目が頂点）(A)</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>矩形ROI</translation>
    </message>
    <message>
        <source>Drag a rectangular ROI: mean, SD, min, max, area (B)</source>
        <translation>ドラッグで矩形ROI：平均・SD・最小・最大・面積 (B)</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>楕円ROI</translation>
    </message>
    <message>
        <source>Drag an elliptical ROI: mean, SD, min, max, area (E)</source>
        <translation>ドラッグで楕円ROI：平均・SD・最小・最大・面積 (E)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>計測削除</translation>
    </message>
    <message>
        <source>Delete the selected measurement (Del); all on this image: Shift+Del</source>
        <translation>選択した計測を削除 (Del)／この画像の計測をすべて削除 (Shift+Del)</translation>
    </message>
    <message>
        <source>1×1</source>
        <translation>1×1</translation>
    </message>
    <message>
        <source>One viewport (Ctrl+1)</source>
        <translation>1画面表示 (Ctrl+1)</translation>
    </message>
    <message>
        <source>Two viewports side by side (Ctrl+2)</source>
        <translation>2画面を左右に表示 (Ctrl+2)</translation>
    </message>
    <message>
        <source>2×2</source>
        <translation>2×2</translation>
    </message>
    <message>
        <source>Four viewports (Ctrl+4)</source>
        <translation>4画面表示 (Ctrl+4)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較読影</translation>
    </message>
    <message>
        <source>This study on the left, its prior on the right (C)</source>
        <translation>この検査を左に、過去検査を右に表示 (C)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
    <message>
        <source>Scroll the viewports together by slice position (S)</source>
        <translation>スライス位置で各画面を同期スクロール (S)</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>キー画像</translation>
    </message>
    <message>
        <source>Mark or unmark this image as a key image for the referral (K)</source>
        <translation>この画像を紹介状用のキー画像に指定／解除 (K)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Show the DICOM tags of this image (Ctrl+T)</source>
        <translation>この画像のDICOMタグを表示 (Ctrl+T)</translation>
    </message>
    <message>
        <source>study %1</source>
        <translation>検査 %1</translation>
    </message>
    <message>
        <source>Comparing %1 (left) with %2 (right)</source>
        <translation>比較中：%1（左）と %2（右）</translation>
    </message>
    <message>
        <source>Only one study is loaded: nothing to compare with.</source>
        <translation>読み込まれている検査が1件のため、比較できません。</translation>
    </message>
    <message>
        <source>This ECG could not be read: %1</source>
        <translation>この心電図を読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>This PDF could not be read: %1</source>
        <translation>このPDFを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダを開く</translation>
    </message>
    <message>
        <source>Open DICOMDIR</source>
        <translation>DICOMDIRを開く</translation>
    </message>
    <message>
        <source>DICOMDIR (DICOMDIR dicomdir DICOMDIR;1);;All files (*)</source>
        <translation>DICOMDIR (DICOMDIR dicomdir DICOMDIR;1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Reading the DICOMDIR…</source>
        <translation>DICOMDIRを読み込んでいます…</translation>
    </message>
    <message>
        <source>The DICOMDIR could not be read: %1</source>
        <translation>DICOMDIRを読み込めませんでした: %1</translation>
    </message>
    <message>
        <source>None of the files the DICOMDIR lists were found.</source>
        <translation>DICOMDIRに記載されたファイルが1つも見つかりません。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) listed in the DICOMDIR are missing</source>
        <translation>
            <numerusform>DICOMDIRに記載されたファイルのうち%n個が見つかりません</numerusform>
        </translation>
    </message>
    <message>
        <source>The hub holds no images for this study.</source>
        <translation>この検査の画像はハブにありません。</translation>
    </message>
    <message numerus="yes">
        <source>The images could not all be loaded (%1). %n image(s) kept; Retry loads the rest.</source>
        <translation>
            <numerusform>画像をすべては読み込めませんでした（%1）。届いた %n 枚は表示できます。「再試行」で残りを読み込みます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The session has expired. %n image(s) kept; the rest loads after you log in again.</source>
        <translation>
            <numerusform>セッションの有効期限が切れました。届いた %n 枚は保持しています。再ログイン後に残りを読み込みます。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageViewport</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
    <message>
        <source>No image loaded</source>
        <translation>画像が読み込まれていません</translation>
    </message>
    <message>
        <source>This file cannot be read:
%1</source>
        <translation>このファイルは読み込めません:
%1</translation>
    </message>
    <message>
        <source>This image cannot be displayed:
%1</source>
        <translation>この画像は表示できません:
%1</translation>
    </message>
    <message>
        <source>%1 (C %2 / W %3)	%4</source>
        <translation>%1 (WL %2 / WW %3)	%4</translation>
    </message>
    <message>
        <source>File window %1 (C %2 / W %3)	%4</source>
        <translation>ファイルのウィンドウ %1 (WL %2 / WW %3)	%4</translation>
    </message>
    <message>
        <source>Invert	I</source>
        <translation>白黒反転	I</translation>
    </message>
    <message>
        <source>Reset view	Esc</source>
        <translation>表示をリセット	Esc</translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation>ID: %1</translation>
    </message>
    <message>
        <source>Se: %1  Im: %2</source>
        <translation>Se: %1  Im: %2</translation>
    </message>
    <message>
        <source>Frame %1 / %2</source>
        <translation>フレーム %1 / %2</translation>
    </message>
    <message>
        <source>Image %1 / %2</source>
        <translation>画像 %1 / %2</translation>
    </message>
    <message>
        <source>Pos: %1 mm</source>
        <translation>位置: %1 mm</translation>
    </message>
    <message>
        <source>Thk: %1 mm</source>
        <translation>厚さ: %1 mm</translation>
    </message>
    <message>
        <source>C: %1  W: %2</source>
        <translation>WL: %1  WW: %2</translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <translation>拡大率: %1%</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>白黒反転</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Lossy compressed</source>
        <translation>非可逆圧縮</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>頭部</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>腹部</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>縦隔</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>肺野</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨</translation>
    </message>
    <message>
        <source>Se %1</source>
        <translation>Se %1</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>フレーム %1</translation>
    </message>
    <message>
        <source>Im %1</source>
        <translation>Im %1</translation>
    </message>
    <message>
        <source>C %1 / W %2</source>
        <translation>WL %1 / WW %2</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Mean: %1  SD: %2</source>
        <translation>平均: %1  SD: %2</translation>
    </message>
    <message>
        <source>Min: %1  Max: %2</source>
        <translation>最小: %1  最大: %2</translation>
    </message>
    <message>
        <source>No values (colour image)</source>
        <translation>値なし（カラー画像）</translation>
    </message>
    <message>
        <source>Area: %1 px²</source>
        <translation>面積: %1 px²</translation>
    </message>
    <message>
        <source>Area: %1 cm²</source>
        <translation>面積: %1 cm²</translation>
    </message>
    <message>
        <source>Area: %1 mm²</source>
        <translation>面積: %1 mm²</translation>
    </message>
    <message>
        <source>★ Key image</source>
        <translation>★ キー画像</translation>
    </message>
</context>
<context>
    <name>LabTrendChart</name>
    <message>
        <source>Trend of the selected tests</source>
        <translation>選択した検査の推移</translation>
    </message>
    <message>
        <source>Select one or more tests in the table to see their trend.</source>
        <translation>表で検査を選択すると推移を表示します（複数選択可）。</translation>
    </message>
    <message>
        <source>H/L: outside the reference range</source>
        <translation>H/L：基準値外</translation>
    </message>
    <message>
        <source>%1: fewer than two numeric values, no trend to draw.</source>
        <translation>%1：数値が2件未満のため推移を表示できません。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Patient information is hidden. Enter your password to continue where you left off.</source>
        <translation>患者情報は非表示になっています。パスワードを入力すると、中断したところから再開できます。</translation>
    </message>
    <message>
        <source>User ID:</source>
        <translation>利用者ID:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>ロック解除(&amp;U)</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>ログアウト(&amp;O)</translation>
    </message>
    <message>
        <source>Locked after a period of inactivity</source>
        <translation>一定時間操作がなかったため画面をロックしました</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>画面をロックしました</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>パスワードを入力してください。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <source>Your session has expired</source>
        <translation>セッションの有効期限が切れました</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — %1</source>
        <translation>ログイン — %1</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>ネットワーク(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>利用者ID(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>The user ID or password is incorrect.</source>
        <translation>利用者IDまたはパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>This account is locked. Please contact your network administrator.</source>
        <translation>このアカウントはロックされています。ネットワーク管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>Cannot connect to the hub. Please check the network connection and the hub address.</source>
        <translation>連携サーバーに接続できません。ネットワークの接続と接続先アドレスを確認してください。</translation>
    </message>
    <message>
        <source>The hub's certificate is not trusted. The connection was stopped for your safety. Please contact your network administrator.</source>
        <translation>連携サーバーの証明書を信頼できません。安全のため接続を中止しました。ネットワーク管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>Login failed. Please contact your network administrator.</source>
        <translation>ログインできませんでした。ネットワーク管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>Enter your user ID and password.</source>
        <translation>利用者IDとパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>ログイン中…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>ログアウト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Renkei</source>
        <translation>このソフトウェアについて(&amp;A)</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>利用者: %1</translation>
    </message>
    <message>
        <source>Facility: %1</source>
        <translation>施設: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Logging out…</source>
        <translation>ログアウト中…</translation>
    </message>
    <message>
        <source>About Renkei</source>
        <translation>このソフトウェアについて</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Version %2&lt;/p&gt;&lt;p&gt;An open viewer for regional health information networks.&lt;/p&gt;&lt;p&gt;Qt %3 (built with %4)&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;バージョン %2&lt;/p&gt;&lt;p&gt;地域医療連携ネットワークのためのオープンな診療情報ビューアです。&lt;/p&gt;&lt;p&gt;Qt %3（ビルド時 %4）&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loc&amp;k screen</source>
        <translation>画面をロック(&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;Images…</source>
        <translation>画像を開く(&amp;I)…</translation>
    </message>
    <message>
        <source>Open Image &amp;Files…</source>
        <translation>画像ファイルを開く(&amp;F)…</translation>
    </message>
    <message>
        <source>Open Image Files</source>
        <translation>画像ファイルを開く</translation>
    </message>
    <message>
        <source>Open Image Folder</source>
        <translation>画像フォルダを開く</translation>
    </message>
    <message numerus="yes">
        <source>%n key image(s) marked earlier added to this record</source>
        <translation>
            <numerusform>先に登録したキー画像 %n 枚をこのカルテに追加しました</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientHeader</name>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>Disclosed by: %1</source>
        <translation>開示施設: %1</translation>
    </message>
    <message>
        <source>Allergies: none recorded in the shared record</source>
        <translation>アレルギー: 共有記録に登録なし</translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation>アレルギー: %1</translation>
    </message>
    <message numerus="yes">
        <source>New: %n record(s) since your last view (%1)</source>
        <translation>
            <numerusform>新着 %n件（前回閲覧 %1 以降）</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new since your last view (%1)</source>
        <translation>前回閲覧（%1）以降の新着はありません</translation>
    </message>
</context>
<context>
    <name>PatientRecordView</name>
    <message>
        <source>Log in again</source>
        <translation>再ログイン</translation>
    </message>
    <message>
        <source>← Back to search</source>
        <translation>← 検索に戻る</translation>
    </message>
    <message>
        <source>Back to the patient search (Alt+Left, Esc)</source>
        <translation>患者検索に戻る (Alt+←, Esc)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (-, Ctrl+wheel)</source>
        <translation>縮小 (-, Ctrl+ホイール)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>拡大 (+, Ctrl+ホイール)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日へ</translation>
    </message>
    <message>
        <source>Jump to today (Home)</source>
        <translation>今日の位置へ移動 (Home)</translation>
    </message>
    <message>
        <source>Whole record</source>
        <translation>全期間</translation>
    </message>
    <message>
        <source>Show the whole record (End)</source>
        <translation>全期間を表示 (End)</translation>
    </message>
    <message>
        <source>Select a mark on the timeline to see the record here.
←/→ move between records of a lane, ↑/↓ between lanes.</source>
        <translation>タイムライン上の印を選ぶと、ここに内容を表示します。
←/→ で同じ種類の前後の記録へ、↑/↓ で種類を切り替えます。</translation>
    </message>
    <message>
        <source>Loading the shared record…</source>
        <translation>共有記録を読み込み中…</translation>
    </message>
    <message>
        <source>Loading the shared record… %1 records so far</source>
        <translation>共有記録を読み込み中… %1 件</translation>
    </message>
    <message>
        <source>No records are shared for this patient yet.</source>
        <translation>この患者の共有記録はまだありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from %1 facilities.</source>
        <translation>
            <numerusform>%1 施設の記録 %n 件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a date (not on the timeline).</source>
        <translation>
            <numerusform>日付のない記録 %n 件 (タイムライン外)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be displayed.</source>
        <translation>
            <numerusform>%n 件は表示できませんでした。</numerusform>
        </translation>
    </message>
    <message>
        <source>Create referral packet…</source>
        <translation>紹介状セットを作成…</translation>
    </message>
    <message>
        <source>Print or export a referral packet for this patient (Ctrl+P)</source>
        <translation>この患者の紹介状セットを印刷・PDF書き出し (Ctrl+P)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Show the timeline (Ctrl+1)</source>
        <translation>タイムライン表示（Ctrl+1）</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <source>Show the month calendar (Ctrl+2)</source>
        <translation>月間カレンダー表示（Ctrl+2）</translation>
    </message>
</context>
<context>
    <name>PatientSearchModel</name>
    <message>
        <source>%1: patient ID %2</source>
        <translation>%1: 患者ID %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Kana</source>
        <translation>カナ氏名</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Disclosing facilities</source>
        <translation>開示施設</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <extracomment>Date format for birth dates (QDate::toString); Japanese uses yyyy/MM/dd.</extracomment>
        <translation>yyyy/MM/dd</translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <extracomment>%1 is the birth date, %2 the age in years.</extracomment>
        <translation>%1 (%2歳)</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>PatientSearchPanel</name>
    <message>
        <source>Log in again</source>
        <translation>再ログイン</translation>
    </message>
    <message>
        <source>Enter a name, patient ID or date of birth and press Enter. Only patients who consented to share their records with your facility are found.</source>
        <translation>氏名・患者ID・生年月日などを入力して Enter キーを押してください。貴施設への情報共有に同意した患者のみが検索されます。</translation>
    </message>
    <message>
        <source>Patient search</source>
        <translation>患者検索</translation>
    </message>
    <message>
        <source>e.g. 山田 or ヤマダ</source>
        <translation>例: 山田、ヤマダ</translation>
    </message>
    <message>
        <source>Network or hospital ID</source>
        <translation>連携IDまたは病院の患者ID</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>例: 1948-03-02、1948/03、1948</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>指定なし</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation>検索 (Enter)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>&amp;Name / kana:</source>
        <translation>氏名・カナ(&amp;N):</translation>
    </message>
    <message>
        <source>Patient &amp;ID:</source>
        <translation>患者ID(&amp;I):</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>生年月日(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>性別(&amp;S):</translation>
    </message>
    <message>
        <source>Enter the date of birth as YYYY-MM-DD, YYYY-MM or YYYY (for example 1948-03-02).</source>
        <translation>生年月日は YYYY-MM-DD、YYYY-MM、YYYY のいずれかの形式で入力してください（例: 1948-03-02）。</translation>
    </message>
    <message>
        <source>Enter at least one condition: name, patient ID, date of birth or sex.</source>
        <translation>氏名・患者ID・生年月日・性別のいずれかを入力してください。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>検索中…</translation>
    </message>
    <message>
        <source>No patient matched. Only patients who consented to share with your facility can be found.</source>
        <translation>該当する患者はいません。貴施設への情報共有に同意した患者のみが検索されます。</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) found.</source>
        <translation>
            <numerusform>患者が %n 名見つかりました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the first %1 of %2; please narrow the conditions.</source>
        <translation>%2 件中 %1 件を表示しています。条件を絞り込んでください。</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>前のページ (Page Up)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>次のページ (Page Down)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>縮小 (Ctrl+−)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>拡大 (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <source>Fit the page to the width (Ctrl+0)</source>
        <translation>ページを幅に合わせる (Ctrl+0)</translation>
    </message>
    <message>
        <source>No document.</source>
        <translation>文書がありません。</translation>
    </message>
    <message>
        <source>The document is empty.</source>
        <translation>文書が空です。</translation>
    </message>
    <message>
        <source>The document is password protected or encrypted and cannot be shown.</source>
        <translation>この文書はパスワードで保護または暗号化されているため表示できません。</translation>
    </message>
    <message>
        <source>The document is not a readable PDF file.</source>
        <translation>この文書は読み取れるPDFファイルではありません。</translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
</context>
<context>
    <name>RecordCalendar</name>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>火</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>水</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>木</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>金</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>土</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>新着 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>ほか%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>前月（Page Up）</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>翌月（Page Down）</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>今月</translation>
    </message>
    <message>
        <source>Go to today (Home)</source>
        <translation>今日へ移動（Home）</translation>
    </message>
    <message>
        <source>%2/%1</source>
        <extracomment>year, month: 2024年12月 in Japanese</extracomment>
        <translation>%1年%2月</translation>
    </message>
</context>
<context>
    <name>RecordDetailView</name>
    <message>
        <source>Show images</source>
        <translation>画像を表示</translation>
    </message>
    <message>
        <source>Open this study's images from the hub in the image viewer</source>
        <translation>この検査の画像をハブから取得し、画像ビューアで表示します</translation>
    </message>
</context>
<context>
    <name>RecordFilterBar</name>
    <message>
        <source>Facilities:</source>
        <translation>施設：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期間：</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1年</translation>
    </message>
    <message>
        <source>3 years</source>
        <translation>3年</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全期間</translation>
    </message>
    <message>
        <source>From (empty: from the first record)</source>
        <translation>開始日（空欄：最初の記録から）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <source>To (empty: up to today)</source>
        <translation>終了日（空欄：今日まで）</translation>
    </message>
</context>
<context>
    <name>ReferralPacket</name>
    <message>
        <source>Drug</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>食物</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>環境</translation>
    </message>
    <message>
        <source>Biologic</source>
        <translation>生物学的製剤</translation>
    </message>
    <message>
        <source>MMMM d, yyyy</source>
        <extracomment>Date format of the printed packet (QDate::toString), e.g. "yyyy年M月d日"</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>None on record</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>Prescribed %1 at %2</source>
        <translation>%1 %2 処方</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Referral Letter</source>
        <translation>診療情報提供書</translation>
    </message>
    <message>
        <source>Attending doctor</source>
        <translation>担当医</translation>
    </message>
    <message>
        <source>Dr. %1</source>
        <translation>%1 先生 御侍史</translation>
    </message>
    <message>
        <source>From</source>
        <translation>紹介元</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>医師: %1</translation>
    </message>
    <message>
        <source>Thank you for seeing the following patient.</source>
        <translation>下記の患者をご紹介いたします。ご高診のほど、よろしくお願い申し上げます。</translation>
    </message>
    <message>
        <source> (age %1)</source>
        <translation>（%1歳）</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>患者氏名</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>傷病名</translation>
    </message>
    <message>
        <source>Purpose of referral</source>
        <translation>紹介目的</translation>
    </message>
    <message>
        <source>History and course</source>
        <translation>既往歴・経過</translation>
    </message>
    <message>
        <source>Current medication</source>
        <translation>現在の処方</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <source>Discharge summary</source>
        <translation>退院時サマリー</translation>
    </message>
    <message>
        <source>Laboratory results</source>
        <translation>検査結果</translation>
    </message>
    <message numerus="yes">
        <source>Key images (%n)</source>
        <translation>
            <numerusform>キー画像（%n 枚）</numerusform>
        </translation>
    </message>
    <message>
        <source>Enclosed</source>
        <translation>添付資料</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Records from the regional network: %1</source>
        <translation>地域医療連携ネットワークの記録: %1</translation>
    </message>
    <message>
        <source>No discharge summary is shared.</source>
        <translation>共有されている退院時サマリーはありません。</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>出典: %1</translation>
    </message>
    <message>
        <source>The full text is kept by %1; ask them for a copy if needed.</source>
        <translation>本文は %1 が保管しています。必要な場合は同院にお問い合わせください。</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation>処方日</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>No laboratory results were chosen.</source>
        <translation>検査結果は選択されていません。</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>検査項目</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>基準値</translation>
    </message>
    <message>
        <source>H: above, L: below the reference range. Newest first.</source>
        <translation>H: 基準値より高値、L: 基準値より低値。新しい日付から順に表示。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Patient: %1 (ID %2)</source>
        <translation>患者: %1（ID %2）</translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>印刷: %1　%2</translation>
    </message>
    <message>
        <source>Records from: %1</source>
        <translation>記録の出典: %1</translation>
    </message>
    <message>
        <source>Key images</source>
        <translation>キー画像</translation>
    </message>
    <message>
        <source>Key images (continued)</source>
        <translation>キー画像（続き）</translation>
    </message>
    <message>
        <source>No key images were marked.</source>
        <translation>キー画像は指定されていません。</translation>
    </message>
    <message>
        <source>not named in the images</source>
        <translation>画像に記載なし</translation>
    </message>
    <message>
        <source>Could not start printing.</source>
        <translation>印刷を開始できませんでした。</translation>
    </message>
    <message>
        <source>Could not start a new page.</source>
        <translation>次のページを開始できませんでした。</translation>
    </message>
    <message>
        <source>Printing was stopped.</source>
        <translation>印刷は中止されました。</translation>
    </message>
    <message>
        <source>Could not finish printing.</source>
        <translation>印刷を完了できませんでした。</translation>
    </message>
    <message>
        <source>Cannot write the PDF to %1: it is a folder.</source>
        <translation>%1 はフォルダーのため、PDFを書き出せません。</translation>
    </message>
    <message>
        <source>Cannot write the PDF to %1: %2</source>
        <translation>%1 にPDFを書き出せません: %2</translation>
    </message>
    <message>
        <source>Referral packet: %1</source>
        <translation>紹介状セット: %1</translation>
    </message>
</context>
<context>
    <name>ReferralPacketDialog</name>
    <message>
        <source>Cover letter (referral letter)</source>
        <translation>表紙（診療情報提供書）</translation>
    </message>
    <message>
        <source>Latest discharge summary</source>
        <translation>最新の退院時サマリー</translation>
    </message>
    <message>
        <source>Current medication</source>
        <translation>現在の処方</translation>
    </message>
    <message>
        <source>Laboratory results (chosen tests)</source>
        <translation>検査結果（選んだ項目）</translation>
    </message>
    <message>
        <source>with trend charts</source>
        <translation>推移グラフを付ける</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>傷病名</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <source>Referral packet for %1</source>
        <translation>%1 さんの紹介状セット</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>印刷プレビュー</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF書き出し…</translation>
    </message>
    <message>
        <source>Cover letter</source>
        <translation>診療情報提供書</translation>
    </message>
    <message>
        <source>e.g. Shinshu Central Hospital, Gastroenterology</source>
        <translation>例: 信州中央病院 消化器内科</translation>
    </message>
    <message>
        <source>Name, or leave empty for the attending doctor</source>
        <translation>氏名（空欄なら「担当医」）</translation>
    </message>
    <message>
        <source>e.g. further examination and treatment</source>
        <translation>例: 精査加療のお願い</translation>
    </message>
    <message>
        <source>Past history, course, and anything the receiving doctor should know</source>
        <translation>既往歴・経過など、紹介先の先生にお伝えしたいこと</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1　%2</translation>
    </message>
    <message>
        <source>To (facility):</source>
        <translation>宛先医療機関:</translation>
    </message>
    <message>
        <source>To (doctor):</source>
        <translation>宛先医師:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>紹介目的:</translation>
    </message>
    <message>
        <source>History and course:</source>
        <translation>既往歴・経過:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>紹介元:</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Print preview: referral packet for %1</source>
        <translation>印刷プレビュー: %1 さんの紹介状セット</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Export a PDF instead, or ask your administrator to add a printer.</source>
        <translation>このパソコンにはプリンターが設定されていません。PDFに書き出すか、管理者にプリンターの追加を依頼してください。</translation>
    </message>
    <message>
        <source>Print referral packet</source>
        <translation>紹介状セットの印刷</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to %1.</source>
        <translation>
            <numerusform>%1 に %n ページを送りました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export referral packet as PDF</source>
        <translation>紹介状セットをPDFに書き出し</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF文書 (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n page(s) to %1.</source>
        <translation>
            <numerusform>%n ページを %1 に保存しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: this hub does not record prints yet, so this one is not in the audit trail. Please tell your administrator.</source>
        <translation>注意: このハブはまだ印刷の記録に対応していないため、今回の印刷・書き出しは監査記録に残りません。管理者にお知らせください。</translation>
    </message>
    <message>
        <source>Note: the print could not be recorded in the audit trail: %1</source>
        <translation>注意: 印刷・書き出しを監査記録に残せませんでした: %1</translation>
    </message>
    <message>
        <source>Key images (marked in the image viewer)</source>
        <translation>キー画像（画像ビューアで指定したもの）</translation>
    </message>
    <message numerus="yes">
        <source>%n marked image(s) belong to another patient (their Patient ID is not one of this patient's) and are left out of the packet.</source>
        <translation>
            <numerusform>指定した画像のうち %n 枚は別の患者の画像のため（患者IDがこの患者のものと一致しません）、紹介状セットに含めません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Key images (%n marked in the image viewer)</source>
        <translation>
            <numerusform>キー画像（画像ビューアで指定した %n 枚）</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark images with K in the image viewer to add them here.</source>
        <translation>画像ビューアで K キーを押して画像を指定すると、ここに追加できます。</translation>
    </message>
    <message>
        <source>Saved the referral packet to %1.</source>
        <translation>紹介状セットを %1 に保存しました。</translation>
    </message>
    <message>
        <source>Sent the referral packet to %1.</source>
        <translation>紹介状セットを %1 に送信しました。</translation>
    </message>
</context>
<context>
    <name>Renkei</name>
    <message>
        <source>self-signed certificate</source>
        <translation>自己署名証明書</translation>
    </message>
    <message>
        <source>unknown issuer</source>
        <translation>発行元が不明</translation>
    </message>
    <message>
        <source>host name mismatch</source>
        <translation>ホスト名の不一致</translation>
    </message>
    <message>
        <source>certificate expired</source>
        <translation>有効期限切れ</translation>
    </message>
    <message>
        <source>certificate not yet valid</source>
        <translation>有効期間前</translation>
    </message>
    <message>
        <source>certificate revoked</source>
        <translation>失効済み</translation>
    </message>
    <message>
        <source>verification failed</source>
        <translation>検証エラー</translation>
    </message>
    <message>
        <source>The hub's certificate is not trusted (%1). The connection was stopped for your safety. Please contact your network administrator.</source>
        <translation>連携サーバーの証明書を信頼できません（%1）。安全のため接続を中止しました。ネットワーク管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator of certificate problems</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>The hub address could not be found. Please check the hub address and the network connection.</source>
        <translation>接続先アドレスが見つかりません。接続先アドレスとネットワークの接続を確認してください。</translation>
    </message>
    <message>
        <source>The hub did not respond in time. Please check the network connection and try again.</source>
        <translation>連携サーバーから応答がありません。ネットワークの接続を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>A secure connection to the hub could not be established. Please check the hub address.</source>
        <translation>連携サーバーと安全な接続を確立できませんでした。接続先アドレスを確認してください。</translation>
    </message>
    <message>
        <source>Cannot connect to the hub. Please check the network connection and the hub address.</source>
        <translation>連携サーバーに接続できません。ネットワークの接続と接続先アドレスを確認してください。</translation>
    </message>
    <message>
        <source>The hub sent an unexpected answer. Please contact your network administrator.</source>
        <translation>連携サーバーから想定外の応答がありました。ネットワーク管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>The hub address is not valid. Enter an address that starts with https://.</source>
        <translation>接続先アドレスが正しくありません。https:// で始まるアドレスを入力してください。</translation>
    </message>
    <message>
        <source>You are not logged in. Please log in again.</source>
        <translation>ログインしていません。もう一度ログインしてください。</translation>
    </message>
    <message numerus="yes">
        <source>This account is temporarily locked after repeated failed logins. Please try again in %n minute(s).</source>
        <translation>
            <numerusform>ログインの失敗が続いたため、このアカウントは一時的にロックされています。%n 分後にもう一度お試しください。</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is locked. Please contact your network administrator.</source>
        <translation>このアカウントはロックされています。ネットワーク管理者にお問い合わせください。</translation>
    </message>
    <message>
        <source>Your session has expired. Please log in again.</source>
        <translation>セッションの有効期限が切れました。もう一度ログインしてください。</translation>
    </message>
    <message>
        <source>The record was not found, or it is not shared with your facility.</source>
        <translation>該当する記録が見つからないか、貴施設には開示されていません。</translation>
    </message>
    <message>
        <source>The hub reported an internal error. Please try again later.</source>
        <translation>連携サーバーでエラーが発生しました。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The hub did not accept the search conditions.</source>
        <translation>連携サーバーが検索条件を受け付けませんでした。</translation>
    </message>
    <message>
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation>CA証明書ファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>The file %1 contains no PEM certificate.</source>
        <translation>ファイル %1 にPEM形式の証明書が含まれていません。</translation>
    </message>
    <message>
        <source>The user ID or password is incorrect.</source>
        <translation>利用者IDまたはパスワードが正しくありません。</translation>
    </message>
    <message>
        <source>Enter at least one search condition.</source>
        <translation>検索条件を1つ以上入力してください。</translation>
    </message>
    <message>
        <source>Regional Healthcare Network Viewer</source>
        <translation>地域医療連携ビューア</translation>
    </message>
    <message>
        <source>Enter the hub address (for example https://hub.example.jp).</source>
        <translation>接続先アドレスを入力してください（例: https://hub.example.jp）。</translation>
    </message>
    <message>
        <source>The hub address is not valid. Please check it.</source>
        <translation>接続先アドレスが正しくありません。確認してください。</translation>
    </message>
    <message>
        <source>The hub address must start with https:// (encrypted connection).</source>
        <translation>接続先アドレスは https://（暗号化通信）で始まる必要があります。</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>入院</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>転棟</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>退院</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>受診</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>encounter and ward/room</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Could not display this record</source>
        <translation>この記録は表示できません</translation>
    </message>
    <message>
        <source>Summaries &amp; documents</source>
        <translation>退院サマリ・文書</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>病名</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>アレルギー</translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation>処方</translation>
    </message>
    <message>
        <source>Injections</source>
        <translation>注射</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>検査結果</translation>
    </message>
    <message>
        <source>Physiology</source>
        <translation>生理検査</translation>
    </message>
    <message>
        <source>Imaging &amp; endoscopy</source>
        <translation>画像・内視鏡</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>入退院</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>This patient's record is no longer visible to your facility. The patient may have withdrawn consent.</source>
        <translation>この患者の記録は貴施設から参照できなくなりました。患者が同意を撤回した可能性があります。</translation>
    </message>
    <message>
        <source>%1 (JLAC10 %2)</source>
        <translation>%1 (JLAC10 %2)</translation>
    </message>
    <message>
        <source>Reference range: %1</source>
        <translation>基準値: %1</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>検査項目</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>基準値</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 日分</numerusform>
        </translation>
    </message>
    <message>
        <source>no date</source>
        <translation>日付なし</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <comment>order date, kind</comment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1  %2 (%3)</source>
        <comment>order date, kind, hospital's order type</comment>
        <translation>%1  %2 (%3)</translation>
    </message>
    <message>
        <source>Base solution</source>
        <translation>基剤</translation>
    </message>
    <message>
        <source>Additive</source>
        <translation>混注</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>薬剤</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>用量</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>用法</translation>
    </message>
    <message>
        <source>Days / time</source>
        <translation>日数・時間</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>経路</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>軽度</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>中等度</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>重度</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>period start – end</comment>
        <translation>%1 〜 %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>施設</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>This record could not be read. The other records are shown as usual.</source>
        <translation>この記録は読み取れませんでした。他の記録は通常どおり表示しています。</translation>
    </message>
    <message>
        <source>Technical detail</source>
        <translation>技術情報</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>リソース</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>確認状況</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>発症</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>症状</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重症度</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>記録日</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Ward / room</source>
        <translation>病棟・病室</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>モダリティ</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>文書の種類</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Ordered by</source>
        <translation>依頼医</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>実施者</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>継続中</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>非活動</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>治癒</translation>
    </message>
    <message>
        <source>In remission</source>
        <translation>寛解</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>未確定</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>疑い</translation>
    </message>
    <message>
        <source>Refuted</source>
        <translation>否定</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>誤登録</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>記載者</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>医療機関</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>記載日</translation>
    </message>
    <message>
        <source>This document is no longer visible to your facility.</source>
        <translation>この文書は貴施設から閲覧できなくなりました。</translation>
    </message>
    <message>
        <source>Many people are logging in right now. Please try again in a moment.</source>
        <translation>ただいまログインが集中しています。少し時間をおいてもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>StudyBrowser</name>
    <message>
        <source>Unreadable files</source>
        <translation>読み込めないファイル</translation>
    </message>
    <message>
        <source>(no study description)</source>
        <translation>（検査説明なし）</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>（説明なし）</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n image(s)</source>
        <translation>
            <numerusform>%1
%n 画像</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare with the current study</source>
        <translation>現在の検査と比較</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n waveform(s)</source>
        <translation>
            <numerusform>%1
波形 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
%n document(s)</source>
        <translation>
            <numerusform>%1
文書 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <source>DICOM tags</source>
        <translation>DICOMタグ</translation>
    </message>
    <message>
        <source>Search by tag, name or value (Ctrl+F)</source>
        <translation>タグ番号・名前・値で検索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>DICOM tags — %1</source>
        <translation>DICOMタグ — %1</translation>
    </message>
    <message>
        <source>Reading tags…</source>
        <translation>タグを読み込み中…</translation>
    </message>
    <message>
        <source>The tags cannot be read: %1</source>
        <translation>タグを読み込めません: %1</translation>
    </message>
</context>
<context>
    <name>TagTreeModel</name>
    <message>
        <source>Item %1</source>
        <translation>アイテム %1</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
</context>
<context>
    <name>TimelineAxis</name>
    <message>
        <source>%1/%2</source>
        <comment>month/day on the timeline axis</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>year on the timeline axis</comment>
        <translation>%1年</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>year/month on the timeline axis</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>year/month caption of the timeline axis</comment>
        <translation>%1年%2月</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>%1  %2
%3
%4</source>
        <translation>%1  %2
%3
%4</translation>
    </message>
    <message>
        <source>Facility:</source>
        <translation>施設:</translation>
    </message>
    <message>
        <source>Outside reference range</source>
        <translation>基準値外</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>New since your last view (%1)</source>
        <translation>新着（前回閲覧 %1 以降）</translation>
    </message>
</context>
</TS>
