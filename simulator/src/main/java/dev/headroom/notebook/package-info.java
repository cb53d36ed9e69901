/**
 * Executes Jupyter notebooks whose code cells are Java: each cell runs in one JShell session
 * on the simulator's classpath, in document order, and its printed text and value are written
 * back into the notebook as Jupyter outputs.
 *
 * <p>{@link dev.headroom.notebook.NotebookRunner} is the entry point, from the command line or
 * from a test. Notebooks are read and written in the nbformat 4 JSON layout
 * (https://nbformat.readthedocs.io/en/latest/format_description.html, read December 2026).
 * The cells run in a separate JVM, started in the notebook's folder and reached over the
 * loopback interface, so a cell's {@code System.out} and {@code System.err} are captured per
 * cell. Execution is deterministic: the same notebook and classpath give byte-identical files, as
 * long as the cells themselves print nothing that varies between runs.
 */
package dev.headroom.notebook;
