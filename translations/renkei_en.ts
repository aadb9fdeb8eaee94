<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>LockScreen</name>
    <message>
        <source>Patient information is hidden. Enter your password to continue where you left off.</source>
        <translation>Patient information is hidden. Enter your password to continue where you left off.</translation>
    </message>
    <message>
        <source>User ID:</source>
        <translation>User ID:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <source>Locked after a period of inactivity</source>
        <translation>Locked after a period of inactivity</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — %1</source>
        <translation>Log in — %1</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>&amp;Network:</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>&amp;User ID:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>The user ID or password is incorrect.</source>
        <translation>The user ID or password is incorrect.</translation>
    </message>
    <message>
        <source>This account is locked. Please contact your network administrator.</source>
        <translation>This account is locked. Please contact your network administrator.</translation>
    </message>
    <message>
        <source>Cannot connect to the hub. Please check the network connection and the hub address.</source>
        <translation>Cannot connect to the hub. Please check the network connection and the hub address.</translation>
    </message>
    <message>
        <source>The hub&apos;s certificate is not trusted. The connection was stopped for your safety. Please contact your network administrator.</source>
        <translation>The hub&apos;s certificate is not trusted. The connection was stopped for your safety. Please contact your network administrator.</translation>
    </message>
    <message>
        <source>Login failed. Please contact your network administrator.</source>
        <translation>Login failed. Please contact your network administrator.</translation>
    </message>
    <message>
        <source>Enter your user ID and password.</source>
        <translation>Enter your user ID and password.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Selected: %1 (%2)</source>
        <translation>Selected: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Renkei</source>
        <translation>&amp;About Renkei</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>Facility: %1</source>
        <translation>Facility: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Logging out…</source>
        <translation>Logging out…</translation>
    </message>
    <message>
        <source>About Renkei</source>
        <translation>About Renkei</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Version %2&lt;/p&gt;&lt;p&gt;An open viewer for regional health information networks.&lt;/p&gt;&lt;p&gt;Qt %3 (built with %4)&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&lt;/h3&gt;&lt;p&gt;Version %2&lt;/p&gt;&lt;p&gt;An open viewer for regional health information networks.&lt;/p&gt;&lt;p&gt;Qt %3 (built with %4)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loc&amp;k screen</source>
        <translation>Loc&amp;k screen</translation>
    </message>
</context>
<context>
    <name>PatientSearchModel</name>
    <message>
        <source>%1: patient ID %2</source>
        <translation>%1: patient ID %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kana</source>
        <translation>Kana</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Disclosing facilities</source>
        <translation>Disclosing facilities</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <extracomment>Date format for birth dates (QDate::toString); Japanese uses yyyy/MM/dd.</extracomment>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>%1 (age %2)</source>
        <extracomment>%1 is the birth date, %2 the age in years.</extracomment>
        <translation>%1 (age %2)</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>PatientSearchPanel</name>
    <message>
        <source>Log in again</source>
        <translation>Log in again</translation>
    </message>
    <message>
        <source>Enter a name, patient ID or date of birth and press Enter. Only patients who consented to share their records with your facility are found.</source>
        <translation>Enter a name, patient ID or date of birth and press Enter. Only patients who consented to share their records with your facility are found.</translation>
    </message>
    <message>
        <source>Patient search</source>
        <translation>Patient search</translation>
    </message>
    <message>
        <source>e.g. 山田 or ヤマダ</source>
        <translation>e.g. 山田 or ヤマダ</translation>
    </message>
    <message>
        <source>Network or hospital ID</source>
        <translation>Network or hospital ID</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>YYYY-MM-DD, YYYY-MM or YYYY</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation>Search (Enter)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>&amp;Name / kana:</source>
        <translation>&amp;Name / kana:</translation>
    </message>
    <message>
        <source>Patient &amp;ID:</source>
        <translation>Patient &amp;ID:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>&amp;Sex:</translation>
    </message>
    <message>
        <source>Enter the date of birth as YYYY-MM-DD, YYYY-MM or YYYY (for example 1948-03-02).</source>
        <translation>Enter the date of birth as YYYY-MM-DD, YYYY-MM or YYYY (for example 1948-03-02).</translation>
    </message>
    <message>
        <source>Enter at least one condition: name, patient ID, date of birth or sex.</source>
        <translation>Enter at least one condition: name, patient ID, date of birth or sex.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>No patient matched. Only patients who consented to share with your facility can be found.</source>
        <translation>No patient matched. Only patients who consented to share with your facility can be found.</translation>
    </message>
    <message numerus="yes">
        <source>%n patient(s) found.</source>
        <translation>
            <numerusform>%n patient found.</numerusform>
            <numerusform>%n patients found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the first %1 of %2; please narrow the conditions.</source>
        <translation>Showing the first %1 of %2; please narrow the conditions.</translation>
    </message>
</context>
<context>
    <name>Renkei</name>
    <message>
        <source>self-signed certificate</source>
        <translation>self-signed certificate</translation>
    </message>
    <message>
        <source>unknown issuer</source>
        <translation>unknown issuer</translation>
    </message>
    <message>
        <source>host name mismatch</source>
        <translation>host name mismatch</translation>
    </message>
    <message>
        <source>certificate expired</source>
        <translation>certificate expired</translation>
    </message>
    <message>
        <source>certificate not yet valid</source>
        <translation>certificate not yet valid</translation>
    </message>
    <message>
        <source>certificate revoked</source>
        <translation>certificate revoked</translation>
    </message>
    <message>
        <source>verification failed</source>
        <translation>verification failed</translation>
    </message>
    <message>
        <source>The hub&apos;s certificate is not trusted (%1). The connection was stopped for your safety. Please contact your network administrator.</source>
        <translation>The hub&apos;s certificate is not trusted (%1). The connection was stopped for your safety. Please contact your network administrator.</translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator of certificate problems</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>The hub address could not be found. Please check the hub address and the network connection.</source>
        <translation>The hub address could not be found. Please check the hub address and the network connection.</translation>
    </message>
    <message>
        <source>The hub did not respond in time. Please check the network connection and try again.</source>
        <translation>The hub did not respond in time. Please check the network connection and try again.</translation>
    </message>
    <message>
        <source>A secure connection to the hub could not be established. Please check the hub address.</source>
        <translation>A secure connection to the hub could not be established. Please check the hub address.</translation>
    </message>
    <message>
        <source>Cannot connect to the hub. Please check the network connection and the hub address.</source>
        <translation>Cannot connect to the hub. Please check the network connection and the hub address.</translation>
    </message>
    <message>
        <source>The hub sent an unexpected answer. Please contact your network administrator.</source>
        <translation>The hub sent an unexpected answer. Please contact your network administrator.</translation>
    </message>
    <message>
        <source>The hub address is not valid. Enter an address that starts with https://.</source>
        <translation>The hub address is not valid. Enter an address that starts with https://.</translation>
    </message>
    <message>
        <source>You are not logged in. Please log in again.</source>
        <translation>You are not logged in. Please log in again.</translation>
    </message>
    <message numerus="yes">
        <source>This account is temporarily locked after repeated failed logins. Please try again in %n minute(s).</source>
        <translation>
            <numerusform>This account is temporarily locked after repeated failed logins. Please try again in %n minute.</numerusform>
            <numerusform>This account is temporarily locked after repeated failed logins. Please try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is locked. Please contact your network administrator.</source>
        <translation>This account is locked. Please contact your network administrator.</translation>
    </message>
    <message>
        <source>Your session has expired. Please log in again.</source>
        <translation>Your session has expired. Please log in again.</translation>
    </message>
    <message>
        <source>The record was not found, or it is not shared with your facility.</source>
        <translation>The record was not found, or it is not shared with your facility.</translation>
    </message>
    <message>
        <source>The hub reported an internal error. Please try again later.</source>
        <translation>The hub reported an internal error. Please try again later.</translation>
    </message>
    <message>
        <source>The hub did not accept the search conditions.</source>
        <translation>The hub did not accept the search conditions.</translation>
    </message>
    <message>
        <source>Cannot read the CA certificate file %1: %2</source>
        <translation>Cannot read the CA certificate file %1: %2</translation>
    </message>
    <message>
        <source>The file %1 contains no PEM certificate.</source>
        <translation>The file %1 contains no PEM certificate.</translation>
    </message>
    <message>
        <source>The user ID or password is incorrect.</source>
        <translation>The user ID or password is incorrect.</translation>
    </message>
    <message>
        <source>Enter at least one search condition.</source>
        <translation>Enter at least one search condition.</translation>
    </message>
    <message>
        <source>Regional Healthcare Network Viewer</source>
        <translation>Regional Healthcare Network Viewer</translation>
    </message>
    <message>
        <source>Enter the hub address (for example https://hub.example.jp).</source>
        <translation>Enter the hub address (for example https://hub.example.jp).</translation>
    </message>
    <message>
        <source>The hub address is not valid. Please check it.</source>
        <translation>The hub address is not valid. Please check it.</translation>
    </message>
    <message>
        <source>The hub address must start with https:// (encrypted connection).</source>
        <translation>The hub address must start with https:// (encrypted connection).</translation>
    </message>
</context>
</TS>
