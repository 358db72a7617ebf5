# Towers of Hanoi: count the moves and print the first few.
moves = 0

def hanoi(n, src, dst, via):
    global moves
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves += 1
    if moves <= 7:
        print("move", n, "from", src, "to", dst)
    hanoi(n - 1, via, dst, src)

hanoi(3, 1, 3, 2)
moves = 0
hanoi(12, 1, 3, 2)
print(moves)
