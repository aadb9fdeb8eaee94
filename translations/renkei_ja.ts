<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
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
        <source>The hub&apos;s certificate is not trusted. The connection was stopped for your safety. Please contact your network administrator.</source>
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
        <source>Selected: %1 (%2)</source>
        <translation>選択中: %1（%2）</translation>
    </message>
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
            <numerusform>%n 件の患者が見つかりました</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the first %1 of %2; please narrow the conditions.</source>
        <translation>%2 件中 %1 件を表示しています。条件を絞り込んでください。</translation>
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
        <source>The hub&apos;s certificate is not trusted (%1). The connection was stopped for your safety. Please contact your network administrator.</source>
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
            <numerusform>ログインの失敗が続いたため、このアカウントは一時的にロックされています。%n 分後にもう一度お試しください。</numerusform>
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
</context>
</TS>
