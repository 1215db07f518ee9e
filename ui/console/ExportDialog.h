#pragma once

#include "plots/ExportOptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace d3::ui {

/// Asks where and how to export the session for a paper: a folder, the plot formats (PDF, SVG, PNG), a preset
/// (custom, a single column or a double column: ExportOptions::presetNames) or the PNG's own size and DPI, whether
/// to draw titles, and whether to write the data as CSV too. GUI thread.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    /// Starts from options and folder.
    ExportDialog(const ExportOptions &options, const QString &folder, QWidget *parent = nullptr);

    /// The options chosen.
    ExportOptions options() const;
    /// The folder chosen.
    QString folder() const;
    /// True when the data goes out as CSV too.
    bool csv() const;
    /// Chooses a preset ("single", "double") or custom (empty), as the preset box does.
    void choosePreset(const QString &preset);

private:
    QLineEdit *m_folder;
    QCheckBox *m_pdf;
    QCheckBox *m_svg;
    QCheckBox *m_png;
    QCheckBox *m_csv;
    QComboBox *m_preset;
    QCheckBox *m_title;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QSpinBox *m_dpi;
};

} // namespace d3::ui
