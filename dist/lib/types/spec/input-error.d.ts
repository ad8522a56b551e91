/**
 * An error the user caused and can fix: it names the input (or CLI option) and says what was
 * wrong and what would be right. Fronts turn it into exit code 1 (action, CLI input) or 2 (CLI usage).
 */
export declare class InputError extends Error {
    readonly input: string;
    /** Every problem found, one per bad token; `message` joins them. */
    readonly problems: string[];
    constructor(input: string, problems: string | string[]);
}
/** Several inputs were wrong at once; all are reported together. */
export declare class InputErrors extends Error {
    readonly errors: InputError[];
    constructor(errors: InputError[]);
}
