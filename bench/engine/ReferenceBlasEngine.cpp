#include "ReferenceBlasEngine.h"

#include "ComputePlatform.h"
#include "Engine.h"
#include "graph/ModelCatalog.h"
#include "io/NpyFile.h"
#include "io/SyntheticInput.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <iostream>
#include <string>

namespace d3::bench {
namespace {

constexpr int kStartMs = 300'000;   ///< building vgg16 and one forward on the reference BLAS, on a busy machine
constexpr int kForwardMs = 120'000; ///< one forward pass

} // namespace

ReferenceBlasEngine::~ReferenceBlasEngine()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel(); // the child ends at the end of its input
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

std::unique_ptr<ReferenceBlasEngine> ReferenceBlasEngine::start(const QString &model, int threads,
                                                                const QString &blasDir, QString *error)
{
    const QString firstDir = blasDir.section(QLatin1Char(':'), 0, 0);
    if (!QFileInfo::exists(firstDir + QStringLiteral("/libblas.so.3"))) {
        *error = QStringLiteral("--reference-blas: %1 has no libblas.so.3").arg(firstDir);
        return nullptr;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary folder: %1").arg(dir.errorString());
        return nullptr;
    }
    const QString outputPath = dir.filePath(QStringLiteral("output.npy"));
    std::unique_ptr<ReferenceBlasEngine> e(new ReferenceBlasEngine);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString path = env.value(QStringLiteral("LD_LIBRARY_PATH"));
    env.insert(QStringLiteral("LD_LIBRARY_PATH"), path.isEmpty() ? blasDir : blasDir + QLatin1Char(':') + path);
    e->m_process.setProcessEnvironment(env);
    e->m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    e->m_process.start(QCoreApplication::applicationFilePath(),
                       {QString::fromLatin1(kServeOption), model, outputPath, QString::number(threads)});
    if (!e->m_process.waitForStarted(10'000)) {
        *error = QStringLiteral("cannot start the reference BLAS child: %1").arg(e->m_process.errorString());
        return nullptr;
    }
    const auto ready = e->readLine(kStartMs, error);
    if (!ready)
        return nullptr;
    if (!ready->startsWith(QLatin1String("ready\t"))) {
        *error = QStringLiteral("%1 on the reference BLAS: %2").arg(model, ready->section(QLatin1Char('\t'), 1));
        return nullptr;
    }
    e->m_blas = ready->section(QLatin1Char('\t'), 1);
    if (e->m_blas == engine::ComputePlatform::current().blas) {
        *error = QStringLiteral("the child on %1 loaded %2 too, the BLAS of this process: nothing to compare "
                                "(is libblas.so.3 the reference BLAS already?)")
                     .arg(blasDir, e->m_blas);
        return nullptr;
    }
    auto output = core::NpyFile::read(outputPath, error);
    if (!output)
        return nullptr;
    e->m_output = std::move(*output);
    e->m_output.shape.removeFirst(); // the .npy holds a batch of one
    return e;
}

bool ReferenceBlasEngine::forward(QString *error)
{
    m_process.write("forward\n");
    const auto line = readLine(kForwardMs, error);
    if (!line)
        return false;
    if (*line != QLatin1String("ok")) {
        *error = QStringLiteral("reference BLAS child: %1").arg(line->section(QLatin1Char('\t'), 1));
        return false;
    }
    return true;
}

std::optional<QString> ReferenceBlasEngine::readLine(int timeoutMs, QString *error)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (m_process.state() == QProcess::NotRunning || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            *error = m_process.state() == QProcess::NotRunning
                ? QStringLiteral("the reference BLAS child exited (code %1)").arg(m_process.exitCode())
                : QStringLiteral("the reference BLAS child did not answer within %1 s").arg(timeoutMs / 1000);
            return std::nullopt;
        }
    }
    return QString::fromUtf8(m_process.readLine()).trimmed();
}

int ReferenceBlasEngine::serve(const QStringList &args)
{
    // args: kServeOption MODEL OUTPUT.npy THREADS
    auto answer = [](const QString &line) { std::cout << line.toStdString() << std::endl; };
    if (args.size() != 4) {
        answer(QStringLiteral("error\tusage: %1 MODEL OUTPUT.npy THREADS").arg(QString::fromLatin1(kServeOption)));
        return 2;
    }
    core::GraphError graphError;
    const auto graph = core::ModelCatalog::builtin(args.at(1), &graphError);
    if (!graph) {
        answer(QStringLiteral("error\t") + graphError.toString());
        return 2;
    }
    engine::Engine::setThreads(args.at(3).toInt());
    QString error;
    const auto engine = engine::Engine::create(*graph, engine::WeightSource{}, &error);
    const core::HostTensor input = core::SyntheticInput::make(graph->inputShape(), 1);
    auto output = engine ? engine->forward(input, &error) : std::nullopt;
    if (output) {
        output->shape.prepend(1);
        if (!core::NpyFile::write(args.at(2), *output, &error))
            output.reset();
    }
    if (!output) {
        answer(QStringLiteral("error\t") + error);
        return 1;
    }
    answer(QStringLiteral("ready\t") + engine::ComputePlatform::current().blas);
    for (std::string line; std::getline(std::cin, line);) {
        if (line != "forward") {
            answer(QStringLiteral("error\tunknown request '%1'").arg(QString::fromStdString(line)));
            continue;
        }
        answer(engine->forward(input, &error) ? QStringLiteral("ok") : QStringLiteral("error\t") + error);
    }
    return 0;
}

} // namespace d3::bench
