<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Dicom::DicomWebReply</name>
    <message>
        <source>The image server sent "%1" instead of DICOM data.</source>
        <translation>The image server sent "%1" instead of DICOM data.</translation>
    </message>
    <message>
        <source>The image server's response could not be read: %1</source>
        <translation>The image server's response could not be read: %1</translation>
    </message>
    <message>
        <source>The image server answered %1 %2.</source>
        <translation>The image server answered %1 %2.</translation>
    </message>
    <message>
        <source>The secure connection to the image server failed: %1</source>
        <translation>The secure connection to the image server failed: %1</translation>
    </message>
    <message>
        <source>The connection to the image server failed: %1</source>
        <translation>The connection to the image server failed: %1</translation>
    </message>
    <message>
        <source>The image server's answer is not DICOM JSON: %1</source>
        <translation>The image server's answer is not DICOM JSON: %1</translation>
    </message>
    <message>
        <source>The image server's response ended early.</source>
        <translation>The image server's response ended early.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>Dicom::StudyFetch</name>
    <message>
        <source>No image server is configured.</source>
        <translation>No image server is configured.</translation>
    </message>
    <message>
        <source>The images could not be loaded.</source>
        <translation>The images could not be loaded.</translation>
    </message>
    <message>
        <source>The hub no longer accepts this session; log in again to load the rest.</source>
        <translation>The hub no longer accepts this session; log in again to load the rest.</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Loading the document…</source>
        <translation>Loading the document…</translation>
    </message>
    <message>
        <source>This document could not be displayed: it is not a readable CDA document.</source>
        <translation>This document could not be displayed: it is not a readable CDA document.</translation>
    </message>
    <message>
        <source>This PDF document could not be displayed.</source>
        <translation>This PDF document could not be displayed.</translation>
    </message>
    <message>
        <source>Documents of this type (%1) cannot be displayed here.</source>
        <translation>Documents of this type (%1) cannot be displayed here.</translation>
    </message>
    <message>
        <source>Written %1</source>
        <translation>Written %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Author %1</source>
        <translation>Author %1</translation>
    </message>
    <message>
        <source>Stay %1 – %2</source>
        <translation>Stay %1 – %2</translation>
    </message>
    <message>
        <source>Patient: %1</source>
        <translation>Patient: %1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>born %1</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>(untitled section)</source>
        <translation>(untitled section)</translation>
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
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
    <message>
        <source>filter %1–%2 Hz</source>
        <translation>filter %1–%2 Hz</translation>
    </message>
    <message>
        <source>notch %1 Hz</source>
        <translation>notch %1 Hz</translation>
    </message>
</context>
<context>
    <name>EcgView</name>
    <message>
        <source>3×4 + rhythm II</source>
        <translation>3×4 + rhythm II</translation>
    </message>
    <message>
        <source>One row per lead</source>
        <translation>One row per lead</translation>
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
        <translation>Zoom out (Ctrl+−)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <source>Millimetres on the paper are millimetres on the screen (Ctrl+0)</source>
        <translation>Millimetres on the paper are millimetres on the screen (Ctrl+0)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Show the whole width of the paper</source>
        <translation>Show the whole width of the paper</translation>
    </message>
    <message>
        <source>This ECG contains no waveform.</source>
        <translation>This ECG contains no waveform.</translation>
    </message>
</context>
<context>
    <name>ImageViewerWindow</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Close the image viewer</source>
        <translation>Close the image viewer</translation>
    </message>
    <message>
        <source>Window/Level</source>
        <translation>Window/Level</translation>
    </message>
    <message>
        <source>Drag to change window and level (W)</source>
        <translation>Drag to change window and level (W)</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Drag to measure a length (L)</source>
        <translation>Drag to measure a length (L)</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <source>Drag to move the image (P)</source>
        <translation>Drag to move the image (P)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Fit to window (F)</source>
        <translation>Fit to window (F)</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Invert</translation>
    </message>
    <message>
        <source>Invert grey scale (I)</source>
        <translation>Invert grey scale (I)</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <source>Rotate 90° clockwise (R)</source>
        <translation>Rotate 90° clockwise (R)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Reset the view (Esc)</source>
        <translation>Reset the view (Esc)</translation>
    </message>
    <message>
        <source>1×2</source>
        <translation>1×2</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Play or stop cine (Space)</source>
        <translation>Play or stop cine (Space)</translation>
    </message>
    <message>
        <source> fps</source>
        <translation> fps</translation>
    </message>
    <message>
        <source>Cine frame rate</source>
        <translation>Cine frame rate</translation>
    </message>
    <message>
        <source>Reading images…</source>
        <translation>Reading images…</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) read</source>
        <translation>
            <numerusform>%n image read</numerusform>
            <numerusform>%n images read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n file could not be read</numerusform>
            <numerusform>%n files could not be read</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Load the images that did not arrive; those shown are kept</source>
        <translation>Load the images that did not arrive; those shown are kept</translation>
    </message>
    <message>
        <source>Loading the images from the hub…</source>
        <translation>Loading the images from the hub…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Open folder…</translation>
    </message>
    <message>
        <source>Open the DICOM files in a folder, e.g. a patient's CD</source>
        <translation>Open the DICOM files in a folder, e.g. a patient's CD</translation>
    </message>
    <message>
        <source>Open DICOMDIR…</source>
        <translation>Open DICOMDIR…</translation>
    </message>
    <message>
        <source>Open the DICOMDIR of a CD or DVD (Ctrl+O)</source>
        <translation>Open the DICOMDIR of a CD or DVD (Ctrl+O)</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <source>Click three points, the vertex second, to measure an angle (A)</source>
        <translation>Click three points, the vertex second, to measure an angle (A)</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Drag a rectangular ROI: mean, SD, min, max, area (B)</source>
        <translation>Drag a rectangular ROI: mean, SD, min, max, area (B)</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Drag an elliptical ROI: mean, SD, min, max, area (E)</source>
        <translation>Drag an elliptical ROI: mean, SD, min, max, area (E)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected measurement (Del); all on this image: Shift+Del</source>
        <translation>Delete the selected measurement (Del); all on this image: Shift+Del</translation>
    </message>
    <message>
        <source>1×1</source>
        <translation>1×1</translation>
    </message>
    <message>
        <source>One viewport (Ctrl+1)</source>
        <translation>One viewport (Ctrl+1)</translation>
    </message>
    <message>
        <source>Two viewports side by side (Ctrl+2)</source>
        <translation>Two viewports side by side (Ctrl+2)</translation>
    </message>
    <message>
        <source>2×2</source>
        <translation>2×2</translation>
    </message>
    <message>
        <source>Four viewports (Ctrl+4)</source>
        <translation>Four viewports (Ctrl+4)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>This study on the left, its prior on the right (C)</source>
        <translation>This study on the left, its prior on the right (C)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Scroll the viewports together by slice position (S)</source>
        <translation>Scroll the viewports together by slice position (S)</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>Key image</translation>
    </message>
    <message>
        <source>Mark or unmark this image as a key image for the referral (K)</source>
        <translation>Mark or unmark this image as a key image for the referral (K)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Show the DICOM tags of this image (Ctrl+T)</source>
        <translation>Show the DICOM tags of this image (Ctrl+T)</translation>
    </message>
    <message>
        <source>study %1</source>
        <translation>study %1</translation>
    </message>
    <message>
        <source>Comparing %1 (left) with %2 (right)</source>
        <translation>Comparing %1 (left) with %2 (right)</translation>
    </message>
    <message>
        <source>Only one study is loaded: nothing to compare with.</source>
        <translation>Only one study is loaded: nothing to compare with.</translation>
    </message>
    <message>
        <source>This ECG could not be read: %1</source>
        <translation>This ECG could not be read: %1</translation>
    </message>
    <message>
        <source>This PDF could not be read: %1</source>
        <translation>This PDF could not be read: %1</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Open DICOMDIR</source>
        <translation>Open DICOMDIR</translation>
    </message>
    <message>
        <source>DICOMDIR (DICOMDIR dicomdir DICOMDIR;1);;All files (*)</source>
        <translation>DICOMDIR (DICOMDIR dicomdir DICOMDIR;1);;All files (*)</translation>
    </message>
    <message>
        <source>Reading the DICOMDIR…</source>
        <translation>Reading the DICOMDIR…</translation>
    </message>
    <message>
        <source>The DICOMDIR could not be read: %1</source>
        <translation>The DICOMDIR could not be read: %1</translation>
    </message>
    <message>
        <source>None of the files the DICOMDIR lists were found.</source>
        <translation>None of the files the DICOMDIR lists were found.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) listed in the DICOMDIR are missing</source>
        <translation>
            <numerusform>%n file listed in the DICOMDIR are missing</numerusform>
            <numerusform>%n files listed in the DICOMDIR are missing</numerusform>
        </translation>
    </message>
    <message>
        <source>The hub holds no images for this study.</source>
        <translation>The hub holds no images for this study.</translation>
    </message>
    <message numerus="yes">
        <source>The images could not all be loaded (%1). %n image(s) kept; Retry loads the rest.</source>
        <translation>
            <numerusform>The images could not all be loaded (%1). %n image kept; Retry loads the rest.</numerusform>
            <numerusform>The images could not all be loaded (%1). %n images kept; Retry loads the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The session has expired. %n image(s) kept; the rest loads after you log in again.</source>
        <translation>
            <numerusform>The session has expired. %n image kept; the rest loads after you log in again.</numerusform>
            <numerusform>The session has expired. %n images kept; the rest loads after you log in again.</numerusform>
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
        <translation>No image loaded</translation>
    </message>
    <message>
        <source>This file cannot be read:
%1</source>
        <translation>This file cannot be read:
%1</translation>
    </message>
    <message>
        <source>This image cannot be displayed:
%1</source>
        <translation>This image cannot be displayed:
%1</translation>
    </message>
    <message>
        <source>%1 (C %2 / W %3)	%4</source>
        <translation>%1 (C %2 / W %3)	%4</translation>
    </message>
    <message>
        <source>File window %1 (C %2 / W %3)	%4</source>
        <translation>File window %1 (C %2 / W %3)	%4</translation>
    </message>
    <message>
        <source>Invert	I</source>
        <translation>Invert	I</translation>
    </message>
    <message>
        <source>Reset view	Esc</source>
        <translation>Reset view	Esc</translation>
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
        <translation>Frame %1 / %2</translation>
    </message>
    <message>
        <source>Image %1 / %2</source>
        <translation>Image %1 / %2</translation>
    </message>
    <message>
        <source>Pos: %1 mm</source>
        <translation>Pos: %1 mm</translation>
    </message>
    <message>
        <source>Thk: %1 mm</source>
        <translation>Thk: %1 mm</translation>
    </message>
    <message>
        <source>C: %1  W: %2</source>
        <translation>C: %1  W: %2</translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <translation>Zoom: %1%</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>Inverted</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Lossy compressed</source>
        <translation>Lossy compressed</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Brain</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>Mediastinum</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Lung</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Bone</translation>
    </message>
    <message>
        <source>Se %1</source>
        <translation>Se %1</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>Frame %1</translation>
    </message>
    <message>
        <source>Im %1</source>
        <translation>Im %1</translation>
    </message>
    <message>
        <source>C %1 / W %2</source>
        <translation>C %1 / W %2</translation>
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
        <translation>Mean: %1  SD: %2</translation>
    </message>
    <message>
        <source>Min: %1  Max: %2</source>
        <translation>Min: %1  Max: %2</translation>
    </message>
    <message>
        <source>No values (colour image)</source>
        <translation>No values (colour image)</translation>
    </message>
    <message>
        <source>Area: %1 px²</source>
        <translation>Area: %1 px²</translation>
    </message>
    <message>
        <source>Area: %1 cm²</source>
        <translation>Area: %1 cm²</translation>
    </message>
    <message>
        <source>Area: %1 mm²</source>
        <translation>Area: %1 mm²</translation>
    </message>
    <message>
        <source>★ Key image</source>
        <translation>★ Key image</translation>
    </message>
</context>
<context>
    <name>LabTrendChart</name>
    <message>
        <source>Trend of the selected tests</source>
        <translation>Trend of the selected tests</translation>
    </message>
    <message>
        <source>Select one or more tests in the table to see their trend.</source>
        <translation>Select one or more tests in the table to see their trend.</translation>
    </message>
    <message>
        <source>H/L: outside the reference range</source>
        <translation>H/L: outside the reference range</translation>
    </message>
    <message>
        <source>%1: fewer than two numeric values, no trend to draw.</source>
        <translation>%1: fewer than two numeric values, no trend to draw.</translation>
    </message>
</context>
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
    <message>
        <source>Your session has expired</source>
        <translation>Your session has expired</translation>
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
        <source>The hub's certificate is not trusted. The connection was stopped for your safety. Please contact your network administrator.</source>
        <translation>The hub's certificate is not trusted. The connection was stopped for your safety. Please contact your network administrator.</translation>
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
    <message>
        <source>Open &amp;Images…</source>
        <translation>Open &amp;Images…</translation>
    </message>
    <message>
        <source>Open Image &amp;Files…</source>
        <translation>Open Image &amp;Files…</translation>
    </message>
    <message>
        <source>Open Image Files</source>
        <translation>Open Image Files</translation>
    </message>
    <message>
        <source>Open Image Folder</source>
        <translation>Open Image Folder</translation>
    </message>
    <message numerus="yes">
        <source>%n key image(s) marked earlier added to this record</source>
        <translation>
            <numerusform>%n key image marked earlier added to this record</numerusform>
            <numerusform>%n key images marked earlier added to this record</numerusform>
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
        <translation>Disclosed by: %1</translation>
    </message>
    <message>
        <source>Allergies: none recorded in the shared record</source>
        <translation>Allergies: none recorded in the shared record</translation>
    </message>
    <message>
        <source>Allergies: %1</source>
        <translation>Allergies: %1</translation>
    </message>
    <message numerus="yes">
        <source>New: %n record(s) since your last view (%1)</source>
        <translation>
            <numerusform>New: %n record since your last view (%1)</numerusform>
            <numerusform>New: %n records since your last view (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new since your last view (%1)</source>
        <translation>Nothing new since your last view (%1)</translation>
    </message>
</context>
<context>
    <name>PatientRecordView</name>
    <message>
        <source>Log in again</source>
        <translation>Log in again</translation>
    </message>
    <message>
        <source>← Back to search</source>
        <translation>← Back to search</translation>
    </message>
    <message>
        <source>Back to the patient search (Alt+Left, Esc)</source>
        <translation>Back to the patient search (Alt+Left, Esc)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out (-, Ctrl+wheel)</source>
        <translation>Zoom out (-, Ctrl+wheel)</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>Zoom in (+, Ctrl+wheel)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Jump to today (Home)</source>
        <translation>Jump to today (Home)</translation>
    </message>
    <message>
        <source>Whole record</source>
        <translation>Whole record</translation>
    </message>
    <message>
        <source>Show the whole record (End)</source>
        <translation>Show the whole record (End)</translation>
    </message>
    <message>
        <source>Select a mark on the timeline to see the record here.
←/→ move between records of a lane, ↑/↓ between lanes.</source>
        <translation>Select a mark on the timeline to see the record here.
←/→ move between records of a lane, ↑/↓ between lanes.</translation>
    </message>
    <message>
        <source>Loading the shared record…</source>
        <translation>Loading the shared record…</translation>
    </message>
    <message>
        <source>Loading the shared record… %1 records so far</source>
        <translation>Loading the shared record… %1 records so far</translation>
    </message>
    <message>
        <source>No records are shared for this patient yet.</source>
        <translation>No records are shared for this patient yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) from %1 facilities.</source>
        <translation>
            <numerusform>%n record from %1 facilities.</numerusform>
            <numerusform>%n records from %1 facilities.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a date (not on the timeline).</source>
        <translation>
            <numerusform>%n without a date (not on the timeline).</numerusform>
            <numerusform>%n without a date (not on the timeline).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be displayed.</source>
        <translation>
            <numerusform>%n could not be displayed.</numerusform>
            <numerusform>%n could not be displayed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create referral packet…</source>
        <translation>Create referral packet…</translation>
    </message>
    <message>
        <source>Print or export a referral packet for this patient (Ctrl+P)</source>
        <translation>Print or export a referral packet for this patient (Ctrl+P)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Show the timeline (Ctrl+1)</source>
        <translation>Show the timeline (Ctrl+1)</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Show the month calendar (Ctrl+2)</source>
        <translation>Show the month calendar (Ctrl+2)</translation>
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
    <name>PdfView</name>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Previous page (Page Up)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Next page (Page Down)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>Zoom out (Ctrl+−)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Fit the page to the width (Ctrl+0)</source>
        <translation>Fit the page to the width (Ctrl+0)</translation>
    </message>
    <message>
        <source>No document.</source>
        <translation>No document.</translation>
    </message>
    <message>
        <source>The document is empty.</source>
        <translation>The document is empty.</translation>
    </message>
    <message>
        <source>The document is password protected or encrypted and cannot be shown.</source>
        <translation>The document is password protected or encrypted and cannot be shown.</translation>
    </message>
    <message>
        <source>The document is not a readable PDF file.</source>
        <translation>The document is not a readable PDF file.</translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation>Page %1 / %2</translation>
    </message>
</context>
<context>
    <name>RecordCalendar</name>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>New %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Previous month (Page Up)</source>
        <translation>Previous month (Page Up)</translation>
    </message>
    <message>
        <source>Next month (Page Down)</source>
        <translation>Next month (Page Down)</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Go to today (Home)</source>
        <translation>Go to today (Home)</translation>
    </message>
    <message>
        <source>%2/%1</source>
        <extracomment>year, month: 2024年12月 in Japanese</extracomment>
        <translation>%2/%1</translation>
    </message>
</context>
<context>
    <name>RecordDetailView</name>
    <message>
        <source>Show images</source>
        <translation>Show images</translation>
    </message>
    <message>
        <source>Open this study's images from the hub in the image viewer</source>
        <translation>Open this study's images from the hub in the image viewer</translation>
    </message>
</context>
<context>
    <name>RecordFilterBar</name>
    <message>
        <source>Facilities:</source>
        <translation>Facilities:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 year</translation>
    </message>
    <message>
        <source>3 years</source>
        <translation>3 years</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>From (empty: from the first record)</source>
        <translation>From (empty: from the first record)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>To (empty: up to today)</source>
        <translation>To (empty: up to today)</translation>
    </message>
</context>
<context>
    <name>ReferralPacket</name>
    <message>
        <source>Drug</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>Food</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Biologic</source>
        <translation>Biologic</translation>
    </message>
    <message>
        <source>MMMM d, yyyy</source>
        <extracomment>Date format of the printed packet (QDate::toString), e.g. "yyyy年M月d日"</extracomment>
        <translation>MMMM d, yyyy</translation>
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
    <message>
        <source>None on record</source>
        <translation>None on record</translation>
    </message>
    <message>
        <source>Prescribed %1 at %2</source>
        <translation>Prescribed %1 at %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Referral Letter</source>
        <translation>Referral Letter</translation>
    </message>
    <message>
        <source>Attending doctor</source>
        <translation>Attending doctor</translation>
    </message>
    <message>
        <source>Dr. %1</source>
        <translation>Dr. %1</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>Doctor: %1</translation>
    </message>
    <message>
        <source>Thank you for seeing the following patient.</source>
        <translation>Thank you for seeing the following patient.</translation>
    </message>
    <message>
        <source> (age %1)</source>
        <translation> (age %1)</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Patient name</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
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
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <source>Purpose of referral</source>
        <translation>Purpose of referral</translation>
    </message>
    <message>
        <source>History and course</source>
        <translation>History and course</translation>
    </message>
    <message>
        <source>Current medication</source>
        <translation>Current medication</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Discharge summary</source>
        <translation>Discharge summary</translation>
    </message>
    <message>
        <source>Laboratory results</source>
        <translation>Laboratory results</translation>
    </message>
    <message numerus="yes">
        <source>Key images (%n)</source>
        <translation>
            <numerusform>Key images (%n)</numerusform>
            <numerusform>Key images (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Enclosed</source>
        <translation>Enclosed</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Records from the regional network: %1</source>
        <translation>Records from the regional network: %1</translation>
    </message>
    <message>
        <source>No discharge summary is shared.</source>
        <translation>No discharge summary is shared.</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>The full text is kept by %1; ask them for a copy if needed.</source>
        <translation>The full text is kept by %1; ask them for a copy if needed.</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Prescribed</source>
        <translation>Prescribed</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>No laboratory results were chosen.</source>
        <translation>No laboratory results were chosen.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Reference range</translation>
    </message>
    <message>
        <source>H: above, L: below the reference range. Newest first.</source>
        <translation>H: above, L: below the reference range. Newest first.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Patient: %1 (ID %2)</source>
        <translation>Patient: %1 (ID %2)</translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation>Page %1 / %2</translation>
    </message>
    <message>
        <source>Printed %1 by %2</source>
        <translation>Printed %1 by %2</translation>
    </message>
    <message>
        <source>Records from: %1</source>
        <translation>Records from: %1</translation>
    </message>
    <message>
        <source>Key images</source>
        <translation>Key images</translation>
    </message>
    <message>
        <source>Key images (continued)</source>
        <translation>Key images (continued)</translation>
    </message>
    <message>
        <source>No key images were marked.</source>
        <translation>No key images were marked.</translation>
    </message>
    <message>
        <source>not named in the images</source>
        <translation>not named in the images</translation>
    </message>
    <message>
        <source>Could not start printing.</source>
        <translation>Could not start printing.</translation>
    </message>
    <message>
        <source>Could not start a new page.</source>
        <translation>Could not start a new page.</translation>
    </message>
    <message>
        <source>Printing was stopped.</source>
        <translation>Printing was stopped.</translation>
    </message>
    <message>
        <source>Could not finish printing.</source>
        <translation>Could not finish printing.</translation>
    </message>
    <message>
        <source>Cannot write the PDF to %1: it is a folder.</source>
        <translation>Cannot write the PDF to %1: it is a folder.</translation>
    </message>
    <message>
        <source>Cannot write the PDF to %1: %2</source>
        <translation>Cannot write the PDF to %1: %2</translation>
    </message>
    <message>
        <source>Referral packet: %1</source>
        <translation>Referral packet: %1</translation>
    </message>
</context>
<context>
    <name>ReferralPacketDialog</name>
    <message>
        <source>Cover letter (referral letter)</source>
        <translation>Cover letter (referral letter)</translation>
    </message>
    <message>
        <source>Latest discharge summary</source>
        <translation>Latest discharge summary</translation>
    </message>
    <message>
        <source>Current medication</source>
        <translation>Current medication</translation>
    </message>
    <message>
        <source>Laboratory results (chosen tests)</source>
        <translation>Laboratory results (chosen tests)</translation>
    </message>
    <message>
        <source>with trend charts</source>
        <translation>with trend charts</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Referral packet for %1</source>
        <translation>Referral packet for %1</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Cover letter</source>
        <translation>Cover letter</translation>
    </message>
    <message>
        <source>e.g. Shinshu Central Hospital, Gastroenterology</source>
        <translation>e.g. Shinshu Central Hospital, Gastroenterology</translation>
    </message>
    <message>
        <source>Name, or leave empty for the attending doctor</source>
        <translation>Name, or leave empty for the attending doctor</translation>
    </message>
    <message>
        <source>e.g. further examination and treatment</source>
        <translation>e.g. further examination and treatment</translation>
    </message>
    <message>
        <source>Past history, course, and anything the receiving doctor should know</source>
        <translation>Past history, course, and anything the receiving doctor should know</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>To (facility):</source>
        <translation>To (facility):</translation>
    </message>
    <message>
        <source>To (doctor):</source>
        <translation>To (doctor):</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <source>History and course:</source>
        <translation>History and course:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Print preview: referral packet for %1</source>
        <translation>Print preview: referral packet for %1</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Export a PDF instead, or ask your administrator to add a printer.</source>
        <translation>No printer is set up on this computer. Export a PDF instead, or ask your administrator to add a printer.</translation>
    </message>
    <message>
        <source>Print referral packet</source>
        <translation>Print referral packet</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to %1.</source>
        <translation>
            <numerusform>Sent %n page to %1.</numerusform>
            <numerusform>Sent %n pages to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export referral packet as PDF</source>
        <translation>Export referral packet as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n page(s) to %1.</source>
        <translation>
            <numerusform>Saved %n page to %1.</numerusform>
            <numerusform>Saved %n pages to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: this hub does not record prints yet, so this one is not in the audit trail. Please tell your administrator.</source>
        <translation>Note: this hub does not record prints yet, so this one is not in the audit trail. Please tell your administrator.</translation>
    </message>
    <message>
        <source>Note: the print could not be recorded in the audit trail: %1</source>
        <translation>Note: the print could not be recorded in the audit trail: %1</translation>
    </message>
    <message>
        <source>Key images (marked in the image viewer)</source>
        <translation>Key images (marked in the image viewer)</translation>
    </message>
    <message numerus="yes">
        <source>%n marked image(s) belong to another patient (their Patient ID is not one of this patient's) and are left out of the packet.</source>
        <translation>
            <numerusform>%n marked image belong to another patient (their Patient ID is not one of this patient's) and are left out of the packet.</numerusform>
            <numerusform>%n marked images belong to another patient (their Patient ID is not one of this patient's) and are left out of the packet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Key images (%n marked in the image viewer)</source>
        <translation>
            <numerusform>Key images (%n marked in the image viewer)</numerusform>
            <numerusform>Key images (%n marked in the image viewer)</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark images with K in the image viewer to add them here.</source>
        <translation>Mark images with K in the image viewer to add them here.</translation>
    </message>
    <message>
        <source>Saved the referral packet to %1.</source>
        <translation>Saved the referral packet to %1.</translation>
    </message>
    <message>
        <source>Sent the referral packet to %1.</source>
        <translation>Sent the referral packet to %1.</translation>
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
        <source>The hub's certificate is not trusted (%1). The connection was stopped for your safety. Please contact your network administrator.</source>
        <translation>The hub's certificate is not trusted (%1). The connection was stopped for your safety. Please contact your network administrator.</translation>
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
    <message>
        <source>Admission</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Encounter</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>encounter and ward/room</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Could not display this record</source>
        <translation>Could not display this record</translation>
    </message>
    <message>
        <source>Summaries &amp; documents</source>
        <translation>Summaries &amp; documents</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Prescriptions</source>
        <translation>Prescriptions</translation>
    </message>
    <message>
        <source>Injections</source>
        <translation>Injections</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Lab results</translation>
    </message>
    <message>
        <source>Physiology</source>
        <translation>Physiology</translation>
    </message>
    <message>
        <source>Imaging &amp; endoscopy</source>
        <translation>Imaging &amp; endoscopy</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>Admissions</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>This patient's record is no longer visible to your facility. The patient may have withdrawn consent.</source>
        <translation>This patient's record is no longer visible to your facility. The patient may have withdrawn consent.</translation>
    </message>
    <message>
        <source>%1 (JLAC10 %2)</source>
        <translation>%1 (JLAC10 %2)</translation>
    </message>
    <message>
        <source>Reference range: %1</source>
        <translation>Reference range: %1</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Reference range</source>
        <translation>Reference range</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>no date</source>
        <translation>no date</translation>
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
        <translation>Base solution</translation>
    </message>
    <message>
        <source>Additive</source>
        <translation>Additive</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Usage</translation>
    </message>
    <message>
        <source>Days / time</source>
        <translation>Days / time</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>Mild</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderate</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Severe</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>period start – end</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>This record could not be read. The other records are shown as usual.</source>
        <translation>This record could not be read. The other records are shown as usual.</translation>
    </message>
    <message>
        <source>Technical detail</source>
        <translation>Technical detail</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Onset</source>
        <translation>Onset</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaction</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Ward / room</source>
        <translation>Ward / room</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modality</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>Document type</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Ordered by</source>
        <translation>Ordered by</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>Performed by</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>In remission</source>
        <translation>In remission</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>Unconfirmed</translation>
    </message>
    <message>
        <source>Provisional</source>
        <translation>Provisional</translation>
    </message>
    <message>
        <source>Refuted</source>
        <translation>Refuted</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Entered in error</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>This document is no longer visible to your facility.</source>
        <translation>This document is no longer visible to your facility.</translation>
    </message>
    <message>
        <source>Many people are logging in right now. Please try again in a moment.</source>
        <translation>Many people are logging in right now. Please try again in a moment.</translation>
    </message>
</context>
<context>
    <name>StudyBrowser</name>
    <message>
        <source>Unreadable files</source>
        <translation>Unreadable files</translation>
    </message>
    <message>
        <source>(no study description)</source>
        <translation>(no study description)</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(no description)</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n image(s)</source>
        <translation>
            <numerusform>%1
%n image</numerusform>
            <numerusform>%1
%n images</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare with the current study</source>
        <translation>Compare with the current study</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n waveform(s)</source>
        <translation>
            <numerusform>%1
%n waveform</numerusform>
            <numerusform>%1
%n waveforms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
%n document(s)</source>
        <translation>
            <numerusform>%1
%n document</numerusform>
            <numerusform>%1
%n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <source>DICOM tags</source>
        <translation>DICOM tags</translation>
    </message>
    <message>
        <source>Search by tag, name or value (Ctrl+F)</source>
        <translation>Search by tag, name or value (Ctrl+F)</translation>
    </message>
    <message>
        <source>DICOM tags — %1</source>
        <translation>DICOM tags — %1</translation>
    </message>
    <message>
        <source>Reading tags…</source>
        <translation>Reading tags…</translation>
    </message>
    <message>
        <source>The tags cannot be read: %1</source>
        <translation>The tags cannot be read: %1</translation>
    </message>
</context>
<context>
    <name>TagTreeModel</name>
    <message>
        <source>Item %1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
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
        <translation>%1</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>year/month on the timeline axis</comment>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <comment>year/month caption of the timeline axis</comment>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
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
        <translation>Facility:</translation>
    </message>
    <message>
        <source>Outside reference range</source>
        <translation>Outside reference range</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>New since your last view (%1)</source>
        <translation>New since your last view (%1)</translation>
    </message>
</context>
</TS>
