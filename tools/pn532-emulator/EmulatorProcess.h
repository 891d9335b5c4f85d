#pragma once
// lz-pn532-emu as a child process, for tests and benchmarks: started with its options, its pty
// path read from its first line, steered by lines on its stdin ("place", "remove", "unplug"),
// killed at the end.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace lz::pn532 {

class EmulatorProcess {
public:
    EmulatorProcess(const QString& binary, const QStringList& args) {
        m_process.setProgram(binary);
        m_process.setArguments(args);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (m_process.waitForReadyRead(5000))
            m_pty = QString::fromLocal8Bit(m_process.readLine()).trimmed();
    }
    ~EmulatorProcess() {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    EmulatorProcess(const EmulatorProcess&) = delete;
    EmulatorProcess& operator=(const EmulatorProcess&) = delete;

    const QString& pty() const { return m_pty; } // empty if it did not start
    void say(const char* line) {
        m_process.write(QByteArray(line) + '\n');
        m_process.waitForBytesWritten(1000);
    }

    bool waitForExit(int ms) { return m_process.waitForFinished(ms); } // e.g. after --unplug-after-ms

private:
    QProcess m_process;
    QString m_pty;
};

} // namespace lz::pn532
