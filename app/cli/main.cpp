// liangzheng-cli: the terminal without a GUI. Verifies QR credentials offline, inspects
// payloads, and shows or installs the trust list. Output is one JSON object per line.
#include "Commands.h"
#include "version/Version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <cstdio>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace lz;

namespace {
constexpr char kUsage[] =
    "usage: liangzheng-cli [--config FILE | --demo] [--state-dir DIR] [--at T] <command>\n"
    "  verify [TEXT | -] [--image FILE] [--unmasked]\n"
    "                      verify QR text (argument, or one per line on stdin) or a QR image;\n"
    "                      exit 0 valid, 1 rejected, 2 usage or I/O error\n"
    "  inspect [TEXT | -] [--unmasked]\n"
    "                      decode and print headers and claims without judging them\n"
    "  trust status        trust list version, age, issuers, revocations\n"
    "  trust install FILE  verify and install a trust list (refuses rollback)\n"
    "  demo                (with --demo) walk through valid and rejected presentations\n"
    "  scan --video FILE [--paced] | --images DIR | --camera SPEC | --synthetic | --serial PORT [--baud N]\n"
    "       [--seconds N]\n"
    "                      camera frames to verdicts, with frame-to-verdict latency and a summary\n"
    "  register TEXT [--details JSON] [--operator ID] [--method M]\n"
    "                      verify and record: a registration when valid (details per venue profile,\n"
    "                      docs/registration-log.md), an attempt when rejected; exit 0 registered,\n"
    "                      1 rejected (attempt recorded, or refused: under_18, stay_open), 2 not\n"
    "                      recorded (error). --override-reason R: the clerk (--operator) registers a\n"
    "                      guest the desk flagged (desk/stay_conflict = flag), and says why\n"
    "  checkout RECORD_ID | --room ROOM [--operator ID]\n"
    "                      the guest left: a check-out record closes the stay (forwarded like any other)\n"
    "  void RECORD_ID --operator ID --reason R\n"
    "  correct RECORD_ID --details JSON --operator ID --reason R\n"
    "                      staff void a registration made by mistake, or correct its details: a new\n"
    "                      record names it (never an edit in place); a void ends the stay it opened\n"
    "  log verify          check the hash chain and checkpoints; names edited, inserted, deleted records\n"
    "  log list [--date D] [--unmasked]\n"
    "  log export FILE [--date D] [--unmasked]\n"
    "                      a day's records (default today) as JSON lines or CSV; masked unless --unmasked\n"
    "  log status | log checkpoint | log purge | log rotate-key\n"
    "  sync now            send unsent records to the gateway ([sync] in the configuration); exit 0\n"
    "                      when the outbox is empty, 1 on a failure (nothing lost: retried next time)\n"
    "  sync status         queue length, oldest unsent, last success / error, next try, clock offset\n"
    "  replay acknowledge  staff have looked at a damaged replay journal: stop the start-up warning\n"
    "  enrol status | venue --type T --id V [--name N] | terminal --id T | trust DIR |\n"
    "        trust --from-gateway | gateway --url URL --ca CA.pem DIR | certificate FILE | self-test\n"
    "                      enrolment of a freshly installed terminal, step by step (the kiosk's\n"
    "                      enrolment screens in staff mode do the same); the staff PIN is staff\n"
    "                      set-pin. The key gateway makes stays pending until its certificate\n"
    "                      is imported\n"
    "  backup DIR --escrow-cert CERT.pem\n"
    "                      two files in DIR (a USB stick): the state without its keys (personal fields\n"
    "                      stay sealed), and the keys sealed to CERT (a supplier's or the police's,\n"
    "                      CMS: openssl cms -decrypt opens it); stop the kiosk first\n"
    "  restore DATA.lzbackup KEYS.p7m --escrow-cert CERT.pem --escrow-key KEY.pem\n"
    "                      onto a fresh terminal (its state directory empty): the files back, the log\n"
    "                      verified; unsent records are sent by the next sync\n"
    "  staff set-pin       the kiosk's administrator PIN (4-12 digits, read from stdin), stored\n"
    "                      hashed in the configuration file\n"
    "  staff add-clerk ID [--name N] | staff remove-clerk ID | staff clerks\n"
    "                      each clerk's own staff number and PIN (stdin): who registered, unmasked,\n"
    "                      voided or overrode is in the log by number\n"
    "  demo-video FILE [--seconds N]\n"
    "                      (with --demo) write an MJPEG AVI of the DEMO holders at the synthetic camera\n"
    "--demo uses the embedded DEMO trust anchor and identities; --at fixes the clock\n"
    "(now | epoch seconds | ISO 8601) for verify, scan, demo and trust status only: the terminal's\n"
    "replay journal and clock mark are consulted, never written. Without --config, "
    "/etc/liangzheng/liangzheng.conf is read.\n";

} // namespace

int main(int argc, char** argv) {
    if (lz::printVersionIfAsked(argc, argv, "liangzheng-cli"))
        return 0;
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const auto parsed = cli::Options::parse(args);
    if (!parsed)
        return cli::fail(parsed.error() + QStringLiteral(" (see --help)"));
    const cli::Options& o = *parsed;
    const QStringList words = o.positional();
    if (words.isEmpty() || o.has(QStringLiteral("--help"))) {
        std::fputs(kUsage, words.isEmpty() && !o.has(QStringLiteral("--help")) ? stderr : stdout);
        return o.has(QStringLiteral("--help")) ? cli::kExitOk : cli::kExitUsage;
    }
    const QString command = words.first();
    if (command == QLatin1String("inspect"))
        return clicmd::inspect(o);
    // Root must not write a terminal's state that belongs to its user (the package's
    // `liangzheng`): the files it made, 0600 and root's, would lock the kiosk out of its own log,
    // keys and settings.
    if (!o.has(QStringLiteral("--demo")) && ::geteuid() == 0) {
        const QString stateDir =
            o.has(QStringLiteral("--state-dir"))
                ? o.value(QStringLiteral("--state-dir"))
                : TerminalConfig::stateDirFor(
                      o.value(QStringLiteral("--config"), QLatin1String(TerminalConfig::kDefaultPath)));
        struct stat st {};
        if (::stat(QFile::encodeName(stateDir).constData(), &st) == 0 && st.st_uid != 0) {
            const passwd* pw = ::getpwuid(st.st_uid);
            const QString user = pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(st.st_uid);
            return cli::fail(
                QStringLiteral("wrong_user: %1 belongs to %2; run this as that user: runuser -u %2 -- "
                               "liangzheng-cli …")
                    .arg(stateDir, user));
        }
    }
    if (command == QLatin1String("enrol"))
        return clicmd::enrol(o.value(QStringLiteral("--config"), QLatin1String(TerminalConfig::kDefaultPath)),
                             o);
    if (command == QLatin1String("restore"))
        return clicmd::restore(
            o.value(QStringLiteral("--config"), QLatin1String(TerminalConfig::kDefaultPath)), o);
    if (command == QLatin1String("staff") && words.value(1) == QLatin1String("set-pin"))
        return clicmd::staffSetPin(
            o.value(QStringLiteral("--config"), QLatin1String(TerminalConfig::kDefaultPath)));
    if (command == QLatin1String("staff") &&
        QStringList({QStringLiteral("add-clerk"), QStringLiteral("remove-clerk"), QStringLiteral("clerks")})
            .contains(words.value(1)))
        return clicmd::staffClerks(
            o.value(QStringLiteral("--config"), QLatin1String(TerminalConfig::kDefaultPath)), o);

    SystemClock systemClock;
    std::unique_ptr<FixedClock> fixed;
    if (o.has(QStringLiteral("--at"))) {
        // A clock fixed for a test or an investigation judges codes; it never registers, forwards
        // or changes the terminal's state (issue 14): those commands refuse it outright.
        const bool judgingOnly =
            command == QLatin1String("verify") || command == QLatin1String("scan") ||
            command == QLatin1String("demo") || command == QLatin1String("demo-video") ||
            (command == QLatin1String("trust") && words.value(1) == QLatin1String("status"));
        if (!judgingOnly)
            return cli::fail(
                QStringLiteral("at_not_allowed: --at only judges codes (verify, scan, demo, trust "
                               "status); '%1' would write the terminal's state with a made-up time")
                    .arg(words.join(QLatin1Char(' '))));
        auto at = cli::parseTime(o.value(QStringLiteral("--at")), systemClock.now());
        if (!at)
            return cli::fail(at.error());
        fixed = std::make_unique<FixedClock>(*at);
    }
    const Clock& clock = fixed ? static_cast<const Clock&>(*fixed) : systemClock;

    Expected<TerminalConfig> config =
        o.has(QStringLiteral("--demo"))
            ? TerminalConfig::demoDefaults(o.value(QStringLiteral("--state-dir")))
            : TerminalConfig::fromFile(
                  o.value(QStringLiteral("--config"), QLatin1String(TerminalConfig::kDefaultPath)));
    if (!config)
        return cli::fail(config.error() + QStringLiteral(" (use --config FILE, or --demo)"));
    if (o.has(QStringLiteral("--state-dir"))) {
        config->stateDir = o.value(QStringLiteral("--state-dir"));
        if (!config->demo)
            config->trustCache = config->stateDir + QStringLiteral("/trust-list.cose");
    }
    if (command == QLatin1String("replay") && words.value(1) == QLatin1String("acknowledge")) {
        // Staff have looked at a damaged replay journal (kept as replay.journal.corrupt): the
        // start-up warning stops; the fail-closed window runs out by itself.
        const QString journal = QDir(config->stateDir).filePath(QStringLiteral("replay.journal"));
        const bool done = ReplayCache::acknowledgeDamage(journal, systemClock.now());
        cli::printJson({{QStringLiteral("acknowledged"), done}});
        return done ? cli::kExitOk : cli::fail(QStringLiteral("no damaged replay journal to acknowledge"));
    }
    TerminalOptions options;
    options.verifying = command == QLatin1String("verify") || command == QLatin1String("demo") ||
                        command == QLatin1String("scan") || command == QLatin1String("register");
    options.logging = command == QLatin1String("register") || command == QLatin1String("log") ||
                      command == QLatin1String("checkout") || command == QLatin1String("sync") ||
                      command == QLatin1String("void") || command == QLatin1String("correct") ||
                      command == QLatin1String("backup");
    // A clock fixed by --at consults the real replay journal and clock mark, and writes neither.
    options.readOnlyState = bool(fixed);
    auto terminal = Terminal::open(*config, clock, options);
    if (!terminal)
        return cli::fail(terminal.error());
    for (const QString& w : (*terminal)->warnings())
        std::fprintf(stderr, "warning: %s\n", qPrintable(w));

    if (command == QLatin1String("verify"))
        return clicmd::verify(**terminal, o);
    if (command == QLatin1String("trust") && words.value(1) == QLatin1String("status"))
        return clicmd::trustStatus(**terminal);
    if (command == QLatin1String("trust") && words.value(1) == QLatin1String("install") && words.size() == 3)
        return clicmd::trustInstall(**terminal, words.at(2));
    if (command == QLatin1String("scan"))
        return clicmd::scan(**terminal, o);
    if (command == QLatin1String("register"))
        return clicmd::registerText(**terminal, o);
    if (command == QLatin1String("checkout"))
        return clicmd::checkout(**terminal, o);
    if (command == QLatin1String("void") || command == QLatin1String("correct"))
        return clicmd::amend(**terminal, o);
    if (command == QLatin1String("log"))
        return clicmd::log(**terminal, o);
    if (command == QLatin1String("sync"))
        return clicmd::sync(**terminal, o);
    if (command == QLatin1String("backup"))
        return clicmd::backup(**terminal, o);
    if (command == QLatin1String("demo-video"))
        return clicmd::demoVideo(**terminal, o);
    if (command == QLatin1String("demo")) {
        if (!config->demo)
            return cli::fail(QStringLiteral("the demo command needs --demo"));
        return clicmd::demo(**terminal);
    }
    std::fputs(kUsage, stderr);
    return cli::kExitUsage;
}
