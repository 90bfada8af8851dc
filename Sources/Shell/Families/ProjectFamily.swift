import CustomLabels
import PanyaLanguage
import PanyaSupport

/// `project create`, `project use`, `project`: the project that datasets, boxes and training work on.
struct ProjectFamily: CommandFamily {
    unowned let context: any TrainingAccess

    var title: Message { Message(en: "Projects", ja: "プロジェクト") }

    var commands: [Command] {
        [
            Command("project", summary: Catalog.projectSummary) { _ in
                let trainer = try context.trainer("project")
                let name = try trainer.currentTrainingProject()
                return DatasetOverview(datasets: try trainer.datasets(project: name)).value
            },
            Command("project create", summary: Catalog.projectCreateSummary,
                    arguments: [.required("NAME", .text, Catalog.argProjectName)]) { call in
                ProjectSummary(project: try context.trainer("project create").createProject(name: call.string(at: 0))).value
            },
            Command("project use", summary: Catalog.projectUseSummary,
                    arguments: [.required("NAME", .text, Catalog.argProjectName)]) { call in
                ProjectSummary(project: try context.trainer("project use").useProject(name: call.string(at: 0))).value
            },
        ]
    }
}

extension Catalog {
    static let projectSummary = Message(en: "the current project: its labels and datasets", ja: "現在のプロジェクト: ラベルとデータセット")
    static let projectCreateSummary = Message(en: "create a project (CreateProject) and work on it", ja: "プロジェクトを作り (CreateProject)、それを使う")
    static let projectUseSummary = Message(en: "work on another project you created", ja: "作った別のプロジェクトを使う")
    static let argProjectName = Message(en: "a project name: letters a–z A–Z, digits, _ . - (e.g. bakery-ai)",
                                        ja: "プロジェクト名: 英字 a–z A–Z・数字・_ . - (例: bakery-ai)")
}
