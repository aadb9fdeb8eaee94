// Replays files or folders of inputs through the fuzz target without libFuzzer, so any
// compiler can check that the seed corpus (the fixtures) and saved crash cases stay fixed.

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char *argv[])
{
    int count = 0;
    for (int i = 1; i < argc; ++i) {
        QStringList files;
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            QDirIterator it(arg, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(it.next());
        } else {
            files.append(arg);
        }
        for (const QString &path : files) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            // Whole files, then every truncation at a few points: cut-short input is the
            // commonest real-world damage.
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()),
                                   size_t(bytes.size()));
            for (int cut = 1; cut < 8; ++cut) {
                const qsizetype n = bytes.size() * cut / 8;
                LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()),
                                       size_t(n));
            }
            ++count;
        }
    }
    std::printf("replayed %d input(s)\n", count);
    return count > 0 ? 0 : 1;
}
