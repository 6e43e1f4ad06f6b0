package fermata.core.library;

import fermata.core.task.Progress;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the library folders (every sub-folder: the JDK's WatchService is not recursive) and,
 * once changes have been quiet for a moment, rescans just the folders that changed. Copying an
 * album in makes many events; the quiet period turns them into one scan. Runs on its own daemon
 * thread until closed.
 */
public final class LibraryWatcher implements AutoCloseable {
    private final LibraryScanner scanner;
    private final List<Path> roots;
    private final Duration quiet;
    private final Consumer<ScanReport> onScan;
    private final Consumer<Exception> onError;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;

    public LibraryWatcher(LibraryScanner scanner, List<Path> roots, Duration quiet, Consumer<ScanReport> onScan,
                          Consumer<Exception> onError) throws IOException {
        this.scanner = scanner;
        this.roots = List.copyOf(roots);
        this.quiet = quiet;
        this.onScan = onScan;
        this.onError = onError;
        this.service = FileSystems.getDefault().newWatchService();
        for (Path root : this.roots) {
            registerTree(root);
        }
        thread = new Thread(this::loop, "fermata-library-watcher");
        thread.setDaemon(true);
    }

    public LibraryWatcher start() {
        thread.start();
        return this;
    }

    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void loop() {
        Set<Path> changed = new LinkedHashSet<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = changed.isEmpty() ? service.take() : service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null) {
                    rescan(new ArrayList<>(changed));
                    changed.clear();
                    continue;
                }
                Path folder = folders.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (folder == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        changed.addAll(roots);
                        continue;
                    }
                    Path child = folder.resolve((Path) event.context());
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                        try {
                            registerTree(child);
                        } catch (IOException e) {
                            onError.accept(e);
                        }
                    }
                    changed.add(folder);
                }
                if (!key.reset()) {
                    folders.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rescan(List<Path> changed) {
        // A folder inside another changed folder is covered by the outer one's scan.
        List<Path> outermost = changed.stream().filter(p -> changed.stream().noneMatch(q -> !q.equals(p) && p.startsWith(q))).toList();
        try {
            onScan.accept(scanner.scan(outermost, Progress.NONE));
        } catch (Exception e) {
            onError.accept(e);
        }
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        service.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
