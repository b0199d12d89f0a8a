/** Writing the files commands produce, shared by the commands and their renderers. */
package org.mechlp.cli.io;
