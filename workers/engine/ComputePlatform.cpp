#include "ComputePlatform.h"

#include "Engine.h"

#include <ATen/Version.h>
#include <oneapi/dnnl/dnnl.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

#include <dlfcn.h>

namespace d3::engine {
namespace {

/// The "model name" line of /proc/cpuinfo, or empty (not Linux, or no such line).
QString cpuModelName()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    // /proc files report size 0, so atEnd() is true from the start: read until readLine() returns nothing.
    for (int i = 0; i < 100000; ++i) {
        const QByteArray line = file.readLine(4096);
        if (line.isEmpty())
            break;
        if (line.startsWith("model name"))
            return QString::fromUtf8(line).section(QLatin1Char(':'), 1).simplified();
    }
    return {};
}

/// oneDNN's name of the instruction set its kernels dispatch to (ONEDNN_MAX_CPU_ISA may lower it).
QString onednnIsaName(dnnl_cpu_isa_t isa)
{
    switch (isa) {
    case dnnl_cpu_isa_all: return QStringLiteral("all");
    case dnnl_cpu_isa_sse41: return QStringLiteral("sse41");
    case dnnl_cpu_isa_avx: return QStringLiteral("avx");
    case dnnl_cpu_isa_avx2: return QStringLiteral("avx2");
    case dnnl_cpu_isa_avx512_mic: return QStringLiteral("avx512_mic");
    case dnnl_cpu_isa_avx512_mic_4ops: return QStringLiteral("avx512_mic_4ops");
    case dnnl_cpu_isa_avx512_core: return QStringLiteral("avx512_core");
    case dnnl_cpu_isa_avx512_core_vnni: return QStringLiteral("avx512_core_vnni");
    case dnnl_cpu_isa_avx512_core_bf16: return QStringLiteral("avx512_core_bf16");
    case dnnl_cpu_isa_avx512_core_amx: return QStringLiteral("avx512_core_amx");
    case dnnl_cpu_isa_avx2_vnni: return QStringLiteral("avx2_vnni");
    }
    return QStringLiteral("0x%1").arg(int(isa), 0, 16);
}

/// The "CPU capability usage: X" line of LibTorch's build summary (ATEN_CPU_CAPABILITY may lower it).
QString atenCapabilityName()
{
    static const QRegularExpression line(QStringLiteral("CPU capability usage: *(\\w+)"));
    const auto match = line.match(QString::fromStdString(at::show_config()));
    return match.hasMatch() ? match.captured(1) : QStringLiteral("unknown");
}

/// The file of the library whose sgemm_ LibTorch's calls resolve to (the first in the process's symbol lookup
/// order: another BLAS may be loaded too, e.g. by LAPACK), canonical; empty if none is loaded.
QString blasPath()
{
    Dl_info info{};
    void *sgemm = dlsym(RTLD_DEFAULT, "sgemm_");
    if (!sgemm || !dladdr(sgemm, &info) || !info.dli_fname)
        return {};
    return QFileInfo(QString::fromLocal8Bit(info.dli_fname)).canonicalFilePath();
}

/// A readable name of the BLAS in the file at path: OpenBLAS and BLIS say what they are; Debian's reference BLAS
/// lives under .../blas/.
QString blasName(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("none loaded");
    void *handle = dlopen(QFile::encodeName(path).constData(), RTLD_LAZY | RTLD_NOLOAD); // already loaded: no load
    auto symbol = [handle](const char *name) { return handle ? dlsym(handle, name) : nullptr; };
    using Text = const char *(*)();
    QString name;
    if (const auto config = reinterpret_cast<Text>(symbol("openblas_get_config"))) {
        const QString text = QString::fromLatin1(config()); // "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen ..."
        const auto core = reinterpret_cast<Text>(symbol("openblas_get_corename"));
        const auto parallel = reinterpret_cast<int (*)()>(symbol("openblas_get_parallel"));
        const int mode = parallel ? parallel() : -1; // 0 sequential, 1 pthreads, 2 OpenMP
        name = QStringLiteral("%1 (%2%3)")
                   .arg(text.section(QLatin1Char(' '), 0, 1), core ? QString::fromLatin1(core()) : QStringLiteral("?"),
                        mode == 2 ? QStringLiteral(", OpenMP") : mode == 1 ? QStringLiteral(", pthreads")
                                                              : mode == 0 ? QStringLiteral(", sequential") : QString());
    } else if (const auto version = reinterpret_cast<Text>(symbol("bli_info_get_version_str"))) {
        name = QStringLiteral("BLIS %1").arg(QString::fromLatin1(version()));
    } else if (path.contains(QLatin1String("/blas/"))) {
        name = QStringLiteral("reference BLAS (Netlib)");
    } else {
        name = QFileInfo(path).fileName();
    }
    if (handle)
        dlclose(handle); // drops the reference RTLD_NOLOAD took
    return name;
}

} // namespace

ComputePlatform ComputePlatform::current()
{
    // The CPU, the OS, the instruction sets and the loaded BLAS are fixed for the process's life: read them once
    // (LibTorch's build summary and the dynamic linker are not free); the switches are read every time.
    static const ComputePlatform fixed = [] {
        ComputePlatform p;
        p.cpu = cpuModelName();
        if (p.cpu.isEmpty())
            p.cpu = QSysInfo::currentCpuArchitecture();
        p.cores = QThread::idealThreadCount();
        p.os = QSysInfo::prettyProductName();
        p.onednnIsa = onednnIsaName(dnnl_get_effective_cpu_isa());
        p.atenCapability = atenCapabilityName();
        p.blasLibrary = blasPath();
        p.blas = blasName(p.blasLibrary);
        return p;
    }();
    ComputePlatform p = fixed;
    p.onednnEnabled = Engine::oneDnnEnabled();
    p.threads = Engine::threads();
    return p;
}

QString ComputePlatform::machine() const
{
    return QStringLiteral("%1, %2 core%3, %4, %5")
        .arg(cpu).arg(cores).arg(cores == 1 ? QString() : QStringLiteral("s"), os, blas);
}

QString ComputePlatform::kernels() const
{
    return QStringLiteral("%1, oneDNN %2, %3, %4 thread%5")
        .arg(cpu, onednnEnabled ? onednnIsa : QStringLiteral("off"), blas)
        .arg(threads)
        .arg(threads == 1 ? QString() : QStringLiteral("s"));
}

QJsonObject ComputePlatform::toJson() const
{
    return QJsonObject{
        {QStringLiteral("cpu"), cpu},
        {QStringLiteral("cores"), cores},
        {QStringLiteral("os"), os},
        {QStringLiteral("cpu_isa"), onednnIsa},
        {QStringLiteral("onednn"), onednnEnabled},
        {QStringLiteral("aten_cpu_capability"), atenCapability},
        {QStringLiteral("blas"), blas},
        {QStringLiteral("blas_library"), blasLibrary},
        {QStringLiteral("threads"), threads},
    };
}

} // namespace d3::engine
