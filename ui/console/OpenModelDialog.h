#pragma once

#include <QDialog>

class QCheckBox;
class QJsonObject;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace d3::ui {

/// File > Open model…: picks the model an experiment runs (a built-in, one of the user's models from
/// core::ModelCatalog::userFolders(), or any model file) and its weights (a seed, or a weights file; a user model's
/// NAME.pt beside its NAME.json, as scripts/export_model.py writes it, is offered with it). GUI thread.
class OpenModelDialog : public QDialog
{
    Q_OBJECT
public:
    /// Starts on the experiment's current model and weights.
    OpenModelDialog(const QString &currentModel, const QString &weightsFile, quint64 seed, bool ignoreExtra,
                    QWidget *parent = nullptr);

    /// The chosen model: a built-in name or the absolute path of a model file.
    QString model() const;
    /// The chosen weights file, empty for seeded weights.
    QString weightsFile() const;
    /// The seed of seeded weights.
    quint64 seed() const;
    /// Whether the weights file may hold tensors the model does not use.
    bool ignoreExtra() const;
    /// The experiment's "weights" object for the choice.
    QJsonObject weightsJson() const;
    /// Selects a model by built-in name or file path, adding a file to the list (as the Model file… button does).
    void choose(const QString &nameOrPath);
    /// True when the model reads and the weights are given (the OK button is enabled).
    bool isAcceptable() const;
    /// What the dialog says about the selection: the model's summary, or why it cannot be used.
    QString summary() const;

private:
    void listModels();
    void selectionChanged();
    void validate();

    QListWidget *m_models;
    QRadioButton *m_seeded;
    QRadioButton *m_fromFile;
    QSpinBox *m_seed;
    QLineEdit *m_weights;
    QCheckBox *m_ignoreExtra;
    QLabel *m_summary;
    QPushButton *m_ok = nullptr;
    bool m_modelOk = false;
};

} // namespace d3::ui
